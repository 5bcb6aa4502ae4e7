namespace Lib.Tensors.Kernels;

/// <summary>
/// The plain version of <see cref="Gemm"/>: the same arguments and checks, a triple loop accumulating in double.
/// Slow and obviously right; the oracle the tests hold every fast path to.
/// </summary>
public static class GemmReference
{
    /// <summary>As
    /// <see cref="Gemm.Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int,
    /// float, Span{float}, int)"/>.</summary>
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
    ) => SgemmBatched(1, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0);

    /// <summary>As
    /// <see cref="Gemm.SgemmBatched(int, bool, bool, int, int, int, float, ReadOnlySpan{float}, int, long,
    /// ReadOnlySpan{float}, int, long, float, Span{float}, int, long)"/>.</summary>
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
    )
    {
        GemmArguments.Validate(
            batch,
            transA,
            transB,
            m,
            n,
            k,
            a.Length,
            lda,
            strideA,
            b.Length,
            ldb,
            strideB,
            c.Length,
            ldc,
            strideC
        );
        for (int q = 0; q < batch; q++)
        {
            var aq = a[(int)(q * strideA)..];
            var bq = b[(int)(q * strideB)..];
            var cq = c[(int)(q * strideC)..];
            for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float x = transA ? aq[p * lda + i] : aq[i * lda + p];
                    float y = transB ? bq[j * ldb + p] : bq[p * ldb + j];
                    sum += (double)x * y;
                }
                ref float cij = ref cq[i * ldc + j];
                cij = (float)(alpha * sum + (beta == 0f ? 0.0 : (double)beta * cij));
            }
        }
    }
}
