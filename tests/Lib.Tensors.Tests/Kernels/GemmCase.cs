using Lib.Tensors.Kernels;

namespace Lib.Tensors.Tests.Kernels;

/// <summary>
/// One product with random operands, run through a <see cref="Gemm"/> path and through <see cref="GemmReference"/>.
/// Padding (leading dimensions wider than the rows, gaps between batch matrices) is filled with NaN in A and B, so a
/// kernel that reads outside the logical matrices poisons its result, and with a sentinel in C, which must survive.
/// </summary>
internal sealed class GemmCase
{
    public const float Sentinel = -12345.5f;

    public bool TransA, TransB;
    public int M, N, K, Batch = 1;
    public float Alpha = 1f, Beta;
    public int PadA, PadB, PadC, GapA, GapB, GapC;
    public bool BroadcastA, BroadcastB;
    public int Seed = 1;

    public int Lda => (TransA ? M : K) + PadA;
    public int Ldb => (TransB ? K : N) + PadB;
    public int Ldc => N + PadC;
    public long StrideA => BroadcastA ? 0 : (long)(TransA ? K : M) * Lda + GapA;
    public long StrideB => BroadcastB ? 0 : (long)(TransB ? N : K) * Ldb + GapB;
    public long StrideC => (long)M * Ldc + GapC;

    public override string ToString() =>
        $"{(TransA ? "T" : "N")}{(TransB ? "T" : "N")} m={M} n={N} k={K} batch={Batch} alpha={Alpha} beta={Beta} " +
        $"pads={PadA},{PadB},{PadC} gaps={GapA},{GapB},{GapC} broadcast={BroadcastA},{BroadcastB}";

    /// <summary>Runs the case on <paramref name="path"/> and checks every element of C against the reference.</summary>
    public void Check(GemmPath path, int maxThreads = 1)
    {
        var (a, b, c) = Operands();
        var expected = (float[])c.Clone();
        var magnitude = Magnitudes(a, b, c);
        GemmReference.SgemmBatched(Batch, TransA, TransB, M, N, K, Alpha, a, Lda, StrideA, b, Ldb, StrideB, Beta, expected, Ldc, StrideC);
        Gemm.SgemmBatched(path, maxThreads, Batch, TransA, TransB, M, N, K, Alpha, a, Lda, StrideA, b, Ldb, StrideB, Beta, c, Ldc, StrideC);

        for (int q = 0; q < Batch; q++)
            for (int i = 0; i < M; i++)
                for (int j = 0; j < N; j++)
                {
                    long at = q * StrideC + (long)i * Ldc + j;
                    // Float accumulation of k products is within k·u of the exact sum of magnitudes; twice that is slack.
                    double tolerance = 2.0 * (K + 2) * 6e-8 * magnitude[at] + 1e-30;
                    double error = Math.Abs((double)c[at] - expected[at]);
                    if (!(error <= tolerance))
                        Assert.Fail($"{path} x{maxThreads} {this}: C[{q}][{i}, {j}] = {c[at]}, expected {expected[at]} (tolerance {tolerance:g3}).");
                }
        for (long at = 0; at < c.Length; at++)
            if (!InC(at) && c[at] != Sentinel)
                Assert.Fail($"{path} x{maxThreads} {this}: C[{at}] outside the matrices was written ({c[at]}).");
    }

    /// <summary>Runs the case on <paramref name="path"/> and returns C.</summary>
    public float[] Run(GemmPath path, int maxThreads)
    {
        var (a, b, c) = Operands();
        Gemm.SgemmBatched(path, maxThreads, Batch, TransA, TransB, M, N, K, Alpha, a, Lda, StrideA, b, Ldb, StrideB, Beta, c, Ldc, StrideC);
        return c;
    }

    private (float[] A, float[] B, float[] C) Operands()
    {
        var random = new Random(Seed);
        int aRows = TransA ? K : M, aCols = TransA ? M : K, bRows = TransB ? N : K, bCols = TransB ? K : N;
        var a = Matrix(random, BroadcastA ? 1 : Batch, aRows, aCols, Lda, StrideA, float.NaN);
        var b = Matrix(random, BroadcastB ? 1 : Batch, bRows, bCols, Ldb, StrideB, float.NaN);
        var c = Matrix(random, Batch, M, N, Ldc, StrideC, Sentinel);
        if (Beta == 0f)
            for (long at = 0; at < c.Length; at++)
                if (InC(at)) c[at] = float.NaN; // never read when beta = 0
        return (a, b, c);
    }

    private static float[] Matrix(Random random, int count, int rows, int cols, int ld, long stride, float padding)
    {
        long extent = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        long length = count == 0 || extent == 0 ? 0 : (count - 1) * stride + extent;
        var data = new float[length];
        Array.Fill(data, padding);
        for (int q = 0; q < count; q++)
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < cols; j++)
                    data[q * stride + (long)r * ld + j] = (float)(random.NextDouble() * 2 - 1);
        return data;
    }

    private bool InC(long at)
    {
        if (StrideC == 0 || M == 0 || N == 0) return false;
        long q = at / StrideC, within = at % StrideC;
        return q < Batch && within / Ldc < M && within % Ldc < N;
    }

    /// <summary>|alpha| Σₚ |op(A)ᵢₚ| |op(B)ₚⱼ| + |beta| |Cᵢⱼ| for every element of C: the scale of its rounding error.</summary>
    private double[] Magnitudes(float[] a, float[] b, float[] c)
    {
        var result = new double[c.Length];
        for (int q = 0; q < Batch; q++)
            for (int i = 0; i < M; i++)
                for (int j = 0; j < N; j++)
                {
                    double sum = 0;
                    for (int p = 0; p < K; p++)
                    {
                        float x = TransA ? a[q * StrideA + (long)p * Lda + i] : a[q * StrideA + (long)i * Lda + p];
                        float y = TransB ? b[q * StrideB + (long)j * Ldb + p] : b[q * StrideB + (long)p * Ldb + j];
                        sum += Math.Abs((double)x * y);
                    }
                    long at = q * StrideC + (long)i * Ldc + j;
                    result[at] = Math.Abs(Alpha) * sum + (Beta == 0f ? 0 : Math.Abs(Beta) * Math.Abs(c[at]));
                }
        return result;
    }
}
