using Lib.Tensors.Kernels;

namespace Lib.Tensors.Tests.Kernels;

public class GemmTests
{
    /// <summary>Every path this machine runs; paths it cannot run are left out rather than failed.</summary>
    public static TheoryData<GemmPath> Paths()
    {
        var data = new TheoryData<GemmPath>();
        foreach (var path in Enum.GetValues<GemmPath>())
            if (Gemm.IsSupported(path)) data.Add(path);
        return data;
    }

    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (17, 31, 13), (1, 37, 19), (23, 1, 29), (2, 3, 1), (8, 32, 64), (9, 33, 65),
        (6, 16, 7), (7, 17, 300), (40, 40, 32), (5, 48, 600), (64, 67, 256), (300, 257, 129),
    ];

    private static readonly (bool A, bool B)[] Transposes = [(false, false), (false, true), (true, false), (true, true)];

    [Theory, MemberData(nameof(Paths))]
    public void Matches_the_reference_on_every_shape_and_transpose(GemmPath path)
    {
        int seed = 0;
        foreach (var (m, n, k) in Shapes)
            foreach (var (ta, tb) in Transposes)
            {
                seed++;
                // Cycle through the three store modes (beta 0, 1, other) and a few alphas.
                float beta = (seed % 3) switch { 0 => 0f, 1 => 1f, _ => -0.75f };
                float alpha = (seed % 4) switch { 0 => 1f, 1 => -1.5f, 2 => 0.25f, _ => 1f };
                new GemmCase { TransA = ta, TransB = tb, M = m, N = n, K = k, Alpha = alpha, Beta = beta, Seed = seed }.Check(path);
            }
    }

    [Theory, MemberData(nameof(Paths))]
    public void Beta_zero_overwrites_C_without_reading_it(GemmPath path)
    {
        // GemmCase fills C with NaN when beta is 0: a kernel that reads it (0 · NaN = NaN) fails.
        foreach (var (ta, tb) in Transposes)
            new GemmCase { TransA = ta, TransB = tb, M = 19, N = 45, K = 11, Beta = 0f }.Check(path);
        new GemmCase { M = 10, N = 20, K = 700, Beta = 0f }.Check(path); // several blocks of k
    }

    /// <summary>addmm's epilogue: C = alpha·op(A)·op(B) + bias in every row, C never read (it starts as NaN), one thread or two.</summary>
    [Theory, MemberData(nameof(Paths))]
    public void A_bias_is_added_to_every_row_in_the_store(GemmPath path)
    {
        var random = new Random(3);
        int seed = 0;
        foreach (var (m, n, k) in Shapes.Append((2048, 11, 140)).Append((20, 9, 0)))
            foreach (var (ta, tb) in Transposes)
                foreach (int threads in new[] { 1, 2 })
                {
                    float alpha = ++seed % 5 == 0 ? 0f : 1.5f;
                    var a = Enumerable.Range(0, m * k).Select(_ => random.NextSingle() - 0.5f).ToArray();
                    var b = Enumerable.Range(0, n * k).Select(_ => random.NextSingle() - 0.5f).ToArray();
                    var bias = Enumerable.Range(0, n).Select(_ => random.NextSingle() * 4f - 2f).ToArray();
                    var expected = new float[m * n];
                    GemmReference.Sgemm(ta, tb, m, n, k, alpha, a, ta ? m : k, b, tb ? k : n, 0f, expected, n);
                    var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
                    Gemm.SgemmBias(path, threads, ta, tb, m, n, k, alpha, a, ta ? m : k, b, tb ? k : n, bias, c, n);
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                        {
                            float want = expected[i * n + j] + bias[j], got = c[i * n + j];
                            if (!(Math.Abs(got - want) <= 1e-4f * (1 + k)))
                                Assert.Fail($"{path} x{threads} {(ta ? "T" : "N")}{(tb ? "T" : "N")} m={m} n={n} k={k} alpha={alpha}: C[{i}, {j}] = {got}, expected {want}.");
                        }
                }
        Assert.Throws<ArgumentException>(() => Gemm.SgemmBias(path, 1, false, false, 2, 3, 1, 1f, new float[2], 1, new float[3], 3, new float[2], new float[6], 3));
    }

    [Theory, MemberData(nameof(Paths))]
    public void Beta_one_accumulates_into_C(GemmPath path)
    {
        foreach (var (ta, tb) in Transposes)
            new GemmCase { TransA = ta, TransB = tb, M = 13, N = 50, K = 33, Beta = 1f, Alpha = 2f }.Check(path);
    }

    [Theory, MemberData(nameof(Paths))]
    public void With_k_zero_or_alpha_zero_C_becomes_beta_times_C(GemmPath path)
    {
        new GemmCase { M = 5, N = 7, K = 0, Beta = 0.5f }.Check(path);
        new GemmCase { M = 5, N = 7, K = 0, Beta = 0f }.Check(path);
        new GemmCase { M = 5, N = 7, K = 0, Beta = 1f }.Check(path);
        new GemmCase { M = 9, N = 18, K = 4, Alpha = 0f, Beta = -2f }.Check(path);

        var c = new[] { 1f, 2f, 3f, 4f };
        Gemm.Sgemm(path, 1, false, false, 2, 2, 0, 1f, [], 0, [], 2, 3f, c, 2);
        Assert.Equal([3f, 6f, 9f, 12f], c);
    }

    [Fact]
    public void Small_products_have_the_values_worked_by_hand()
    {
        // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154]
        float[] a = [1, 2, 3, 4, 5, 6], b = [7, 8, 9, 10, 11, 12];
        var c = new float[4];
        Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 2);
        Assert.Equal([58f, 64f, 139f, 154f], c);

        // The same six numbers read as X = [1 2; 3 4; 5 6] (stored [k, m] and [k, n]): Xᵀ·X = [35 44; 44 56]
        Gemm.Sgemm(true, false, 2, 2, 3, 1f, a, 2, a, 2, 0f, c, 2);
        Assert.Equal([35f, 44f, 44f, 56f], c);
        GemmReference.Sgemm(true, false, 2, 2, 3, 1f, a, 2, a, 2, 0f, c, 2);
        Assert.Equal([35f, 44f, 44f, 56f], c);
    }

    [Theory, MemberData(nameof(Paths))]
    public void Leading_dimensions_wider_than_the_rows_are_respected(GemmPath path)
    {
        // Padding in A and B is NaN and padding in C a sentinel: reading or writing outside the matrices fails.
        foreach (var (ta, tb) in Transposes)
        {
            new GemmCase { TransA = ta, TransB = tb, M = 21, N = 35, K = 18, PadA = 3, PadB = 5, PadC = 7, Beta = 0f }.Check(path);
            new GemmCase { TransA = ta, TransB = tb, M = 33, N = 70, K = 40, PadA = 1, PadB = 16, PadC = 1, Beta = 0.5f }.Check(path);
        }
    }

    [Theory, MemberData(nameof(Paths))]
    public void Batched_products_match_the_reference_with_gaps_and_broadcasts(GemmPath path)
    {
        foreach (var (ta, tb) in Transposes)
        {
            new GemmCase { TransA = ta, TransB = tb, Batch = 5, M = 12, N = 20, K = 9, GapA = 3, GapB = 1, GapC = 4, Beta = 1f }.Check(path);
            new GemmCase { TransA = ta, TransB = tb, Batch = 4, M = 10, N = 17, K = 33, BroadcastB = true, Beta = 0f }.Check(path);
            new GemmCase { TransA = ta, TransB = tb, Batch = 3, M = 7, N = 40, K = 8, BroadcastA = true, PadC = 2, Beta = -1f }.Check(path);
        }
        new GemmCase { Batch = 0, M = 3, N = 3, K = 3 }.Check(path);
    }

    [Theory, MemberData(nameof(Paths))]
    public void Two_threads_give_the_same_bits_as_one(GemmPath path)
    {
        // Large enough to be split: by rows, by columns (more column tiles than row tiles) and by whole matrices.
        GemmCase[] cases =
        [
            new() { M = 300, N = 257, K = 129, Beta = 0.5f },
            new() { M = 9, N = 600, K = 100, TransB = true, Beta = 0f },
            new() { Batch = 8, M = 40, N = 40, K = 64, TransA = true, Beta = 0f },
            new() { Batch = 3, M = 70, N = 90, K = 80, TransA = true, TransB = true, Beta = 1f },
        ];
        foreach (var c in cases)
        {
            c.Check(path, maxThreads: 2);
            Assert.Equal(c.Run(path, 1), c.Run(path, 2));
        }
    }

    [Fact]
    public void Concurrent_callers_each_get_their_own_correct_result()
    {
        // Callers that find the worker pool busy run alone; none may see another's operands or buffers.
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            new GemmCase { M = 70 + i, N = 90, K = 80 + 3 * i, TransB = i % 2 == 0, Seed = 100 + i }.Check(Gemm.Path, maxThreads: 2));
    }

    [Fact]
    public void The_public_methods_use_the_best_path_this_machine_has()
    {
        Assert.True(Gemm.IsSupported(Gemm.Path));
        foreach (var path in Enum.GetValues<GemmPath>())
            if (Gemm.IsSupported(path)) Assert.True(path <= Gemm.Path, $"{path} is supported but {Gemm.Path} was chosen.");

        float[] a = Enumerable.Range(0, 30 * 20).Select(i => MathF.Sin(i)).ToArray();
        float[] b = Enumerable.Range(0, 50 * 20).Select(i => MathF.Cos(i)).ToArray();
        float[] c = new float[30 * 50], expected = new float[30 * 50];
        Gemm.Sgemm(false, true, 30, 50, 20, 1f, a, 20, b, 20, 0f, c, 50);
        GemmReference.Sgemm(false, true, 30, 50, 20, 1f, a, 20, b, 20, 0f, expected, 50);
        for (int i = 0; i < c.Length; i++) Assert.Equal(expected[i], c[i], 1e-4f);
    }

    [Fact]
    public void An_unsupported_path_is_refused()
    {
        foreach (var path in Enum.GetValues<GemmPath>())
            if (!Gemm.IsSupported(path))
                Assert.Throws<PlatformNotSupportedException>(() => Gemm.Sgemm(path, 1, false, false, 1, 1, 1, 1f, [1f], 1, [1f], 1, 0f, new float[1], 1));
        Assert.True(Gemm.IsSupported(GemmPath.Scalar));
    }
}
