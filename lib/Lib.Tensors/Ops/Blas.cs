using Lib.Tensors.Kernels;

namespace Lib.Tensors.Ops;

/// <summary>The engine's single entry point for matrix products (row-major, BLAS argument order).</summary>
internal static class Blas
{
    /// <summary>C = alpha·op(A)·op(B) + beta·C; beta 0 overwrites C (the packed SIMD kernels of <see cref="Gemm"/>).</summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
