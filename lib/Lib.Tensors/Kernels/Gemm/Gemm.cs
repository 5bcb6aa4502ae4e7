using System.Numerics.Tensors;

namespace Lib.Tensors.Kernels;

/// <summary>
/// Single-precision matrix products (BLAS <c>sgemm</c>) on row-major storage: packed panels, cache blocking, a
/// register-blocked SIMD micro-kernel (AVX-512, AVX2 + FMA, or scalar) and both cores for products big enough to pay.
/// </summary>
public static unsafe class Gemm
{
    private static int s_maxThreads = GemmThreads.MaxParallelism;

    /// <summary>The micro-kernel this machine uses: the widest supported of <see cref="GemmPath"/>.</summary>
    public static GemmPath Path { get; } =
        Kernel512.IsSupported ? GemmPath.Vector512
        : Kernel256.IsSupported ? GemmPath.Vector256
        : GemmPath.Scalar;

    /// <summary>The most threads one product uses (like <c>torch.set_num_threads</c>); at least 1, by default all
    /// cores.</summary>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    /// <summary>Whether <paramref name="path"/> runs natively here (<see cref="GemmPath.Scalar"/> always
    /// does).</summary>
    public static bool IsSupported(GemmPath path) =>
        path switch
        {
            GemmPath.Scalar => true,
            GemmPath.Vector256 => Kernel256.IsSupported,
            GemmPath.Vector512 => Kernel512.IsSupported,
            _ => false,
        };

    /// <summary>
    /// C[m, n] = <paramref name="alpha"/> · op(A)[m, k] · op(B)[k, n] + <paramref name="beta"/> · C, row-major, where
    /// op(X) is X or Xᵀ. <paramref name="lda"/>, <paramref name="ldb"/> and <paramref name="ldc"/> are the row strides
    /// of A,
    /// B and C as stored (A is stored [k, m] when <paramref name="transA"/>, B [n, k] when <paramref name="transB"/>).
    /// With <paramref name="beta"/> = 0, C is overwritten and never read (NaNs in it do not propagate), as in BLAS.
    /// </summary>
    /// <exception cref="ArgumentException">A size is negative, a leading dimension is shorter than its row, or a span
    /// is
    /// too short for the sizes and strides (the exception names the argument).</exception>
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
    ) => SgemmBatched(Path, s_maxThreads, 1, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0);

    /// <summary>
    /// <paramref name="batch"/> products as in
    /// <see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int,
    /// float, Span{float}, int)"/>;
    /// matrix i of each operand starts i · stride elements
    /// after the first. A stride of 0 broadcasts one A or B to every product; the C matrices must not overlap.
    /// </summary>
    /// <exception cref="ArgumentException">As for
    /// <see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int,
    /// float, Span{float}, int)"/>,
    /// or a stride is negative, or the C matrices overlap.</exception>
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
        SgemmBatched(
            Path,
            s_maxThreads,
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

    /// <summary><see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float},
    /// int, float, Span{float}, int)"/>
    /// on a chosen path with at most <paramref name="maxThreads"/> threads (for tests and benchmarks).</summary>
    internal static void Sgemm(
        GemmPath path,
        int maxThreads,
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
    ) => SgemmBatched(path, maxThreads, 1, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0);

    /// <summary><see cref="SgemmBatched(int, bool, bool, int, int, int, float, ReadOnlySpan{float}, int, long,
    /// ReadOnlySpan{float}, int, long, float, Span{float}, int, long)"/>
    /// on a chosen path with at most <paramref name="maxThreads"/> threads.</summary>
    internal static void SgemmBatched(
        GemmPath path,
        int maxThreads,
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
        SgemmBatched(
            path,
            maxThreads,
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
            strideC,
            bias: null
        );

    /// <summary>C = alpha·op(A)·op(B) + bias: <paramref name="bias"/> [n] added to every row of C, which is overwritten
    /// (addmm's epilogue, in the micro-kernel's store: C is written once and never read).</summary>
    internal static void SgemmBias(
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
    ) => SgemmBias(Path, s_maxThreads, transA, transB, m, n, k, alpha, a, lda, b, ldb, bias, c, ldc);

    /// <summary><see cref="SgemmBias(bool, bool, int, int, int, float, ReadOnlySpan{float}, int,
    /// ReadOnlySpan{float}, int, ReadOnlySpan{float}, Span{float}, int)"/>
    /// on a chosen path (for tests).</summary>
    internal static void SgemmBias(
        GemmPath path,
        int maxThreads,
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
    )
    {
        if (bias.Length != n)
            throw new ArgumentException($"The bias holds {bias.Length} values but C has {n} columns.", nameof(bias));
        // null only when n is 0, which returns before any use
        fixed (float* pbias = bias)
        {
            SgemmBatched(
                path,
                maxThreads,
                1,
                transA,
                transB,
                m,
                n,
                k,
                alpha,
                a,
                lda,
                0,
                b,
                ldb,
                0,
                0f,
                c,
                ldc,
                0,
                pbias
            );
        }
    }

    private static void SgemmBatched(
        GemmPath path,
        int maxThreads,
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
        long strideC,
        float* bias
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
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        if (!IsSupported(path))
            throw new PlatformNotSupportedException($"The {path} GEMM path needs instructions this machine lacks.");
        if (batch == 0 || m == 0 || n == 0)
            return;

        fixed (
            float* pa = a,
                pb = b,
                pc = c
        )
        {
            var problem = new GemmProblem
            {
                TransA = transA,
                TransB = transB,
                Batch = batch,
                M = m,
                N = n,
                K = k,
                Alpha = alpha,
                Beta = beta,
                A = pa,
                B = pb,
                C = pc,
                Lda = lda,
                Ldb = ldb,
                Ldc = ldc,
                StrideA = strideA,
                StrideB = strideB,
                StrideC = strideC,
                Bias = bias,
            };
            if (k == 0 || alpha == 0f)
                ScaleC(in problem);
            else if (path == GemmPath.Vector512)
                GemmParallel<Kernel512>.Run(in problem, maxThreads);
            else if (path == GemmPath.Vector256)
                GemmParallel<Kernel256>.Run(in problem, maxThreads);
            else
                GemmParallel<KernelScalar>.Run(in problem, maxThreads);
        }
    }

    /// <summary>
    /// C[m, n] = <paramref name="alpha"/> · op(A)[m, k] · B + <paramref name="beta"/> · C (+ <paramref name="bias"/>
    /// [n] on every row instead of beta · C when given), B prepacked (<see cref="PackedMatrix"/>): the product of
    /// <see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int,
    /// float, Span{float}, int)"/> without packing B, on at most <paramref name="maxThreads"/> threads.
    /// </summary>
    internal static void SgemmPacked(
        int maxThreads,
        bool transA,
        int m,
        float alpha,
        ReadOnlySpan<float> a,
        int lda,
        PackedMatrix b,
        float beta,
        ReadOnlySpan<float> bias,
        Span<float> c,
        int ldc
    )
    {
        int n = b.N,
            k = b.K;
        GemmArguments.Validate(1, transA, false, m, n, k, a.Length, lda, 0, k * n, n, 0, c.Length, ldc, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        if (!bias.IsEmpty && bias.Length != n)
            throw new ArgumentException($"The bias holds {bias.Length} values but C has {n} columns.", nameof(bias));
        if (b.KStep != PackedMatrix.KcStep(k, b.Path))
            throw new InvalidOperationException("The GEMM blocking changed since B was packed; pack it again.");
        if (m == 0)
            return;
        fixed (
            float* pa = a,
                pb = b.Panels,
                pc = c,
                pbias = bias
        )
        {
            var problem = new GemmProblem
            {
                TransA = transA,
                Batch = 1,
                M = m,
                N = n,
                K = k,
                Alpha = alpha,
                Beta = bias.IsEmpty ? beta : 0f,
                A = pa,
                C = pc,
                Lda = lda,
                Ldc = ldc,
                Bias = bias.IsEmpty ? null : pbias,
                PackedB = pb,
                PackedWidth = b.Width,
            };
            if (alpha == 0f)
                ScaleC(in problem);
            else if (b.Path == GemmPath.Vector512)
                GemmParallel<Kernel512>.Run(in problem, maxThreads);
            else if (b.Path == GemmPath.Vector256)
                GemmParallel<Kernel256>.Run(in problem, maxThreads);
            else
                GemmParallel<KernelScalar>.Run(in problem, maxThreads);
        }
    }

    /// <summary>C = beta · C, the whole product when op(A) · op(B) contributes nothing.</summary>
    private static void ScaleC(in GemmProblem p)
    {
        if (p.Beta == 1f && p.Bias == null)
            return;
        for (int batch = 0; batch < p.Batch; batch++)
        for (int i = 0; i < p.M; i++)
        {
            var row = new Span<float>(p.C + batch * p.StrideC + i * p.Ldc, p.N);
            if (p.Bias != null)
                new ReadOnlySpan<float>(p.Bias, p.N).CopyTo(row);
            else if (p.Beta == 0f)
                row.Clear();
            else
                TensorPrimitives.Multiply(row, p.Beta, row);
        }
    }
}
