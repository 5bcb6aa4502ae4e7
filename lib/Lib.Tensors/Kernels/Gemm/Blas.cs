using Lib.Tensors.Kernels;

namespace Lib.Tensors.Ops;

/// <summary>The engine's single entry point for matrix products (row-major, BLAS argument order).</summary>
internal static class Blas
{
    /// <summary>C = alpha·op(A)·op(B) + beta·C; beta 0 overwrites C (the packed SIMD kernels of
    /// <see cref="Gemm"/>).</summary>
    public static void Sgemm(
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        float alpha,
        ReadOnlySpan<float> a,
        int lda,
        ReadOnlySpan<float> b,
        int ldb,
        float beta,
        Span<float> c,
        int ldc
    ) => Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>C = alpha·op(A)·op(B) + bias, <paramref name="bias"/> [n] added to every row in the kernel's store (C
    /// is overwritten).</summary>
    public static void SgemmBias(
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        float alpha,
        ReadOnlySpan<float> a,
        int lda,
        ReadOnlySpan<float> b,
        int ldb,
        ReadOnlySpan<float> bias,
        Span<float> c,
        int ldc
    ) => Gemm.SgemmBias(transA, transB, m, n, k, alpha, a, lda, b, ldb, bias, c, ldc);

    /// <summary><paramref name="batch"/> products as <see cref="Sgemm"/>, matrix i of each operand starting i·stride
    /// elements after the first
    /// (<see cref="Gemm.SgemmBatched(int, bool, bool, int, int, int, float, ReadOnlySpan{float}, int, long,
    /// ReadOnlySpan{float}, int, long, float, Span{float}, int, long)"/>):
    /// one call for many small matrices, split across cores as a whole.</summary>
    public static void SgemmBatched(
        int batch,
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        float alpha,
        ReadOnlySpan<float> a,
        int lda,
        long strideA,
        ReadOnlySpan<float> b,
        int ldb,
        long strideB,
        float beta,
        Span<float> c,
        int ldc,
        long strideC
    ) =>
        Gemm.SgemmBatched(
            batch,
            transA,
            transB,
            m,
            n,
            k,
            alpha,
            a,
            lda,
            strideA,
            b,
            ldb,
            strideB,
            beta,
            c,
            ldc,
            strideC
        );
}
