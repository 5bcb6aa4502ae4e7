using Lib.Tensors.Kernels;

namespace Lib.Tensors.Tests.Kernels;

/// <summary><see cref="Gemm.SgemmPacked"/> against <see cref="Gemm.Sgemm(bool, bool, int, int, int, float,
/// ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>: the same kernel on the same panels,
/// so the same bits.</summary>
public class PackedMatrixTests
{
    public static TheoryData<GemmPath> Paths() => GemmTests.Paths();

    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (17, 31, 13), (64, 512, 128), (9, 33, 65), (7, 17, 300), (5, 48, 600), (300, 257, 129), (130, 1100, 20),
    ];

    [Theory, MemberData(nameof(Paths))]
    public void A_prepacked_B_gives_the_bits_of_the_ordinary_product(GemmPath path)
    {
        var random = new Random(5);
        int seed = 0;
        foreach (var (m, n, k) in Shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    foreach (int threads in new[] { 1, 2 })
                    {
                        seed++;
                        float beta = (seed % 3) switch { 0 => 0f, 1 => 1f, _ => -0.75f };
                        float alpha = seed % 4 == 1 ? -1.5f : 1f;
                        int lda = (ta ? m : k) + seed % 3, ldb = (tb ? k : n) + seed % 2, ldc = n + seed % 4;
                        var a = Random(random, (ta ? k : m) * lda);
                        var b = Random(random, (tb ? n : k) * ldb);
                        var c0 = Random(random, m * ldc);
                        var expected = (float[])c0.Clone();
                        Gemm.Sgemm(path, threads, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
                        var packed = PackedMatrix.Pack(path, tb, k, n, b, ldb, new float[PackedMatrix.Length(k, n, path)]);
                        var actual = (float[])c0.Clone();
                        Gemm.SgemmPacked(threads, ta, m, alpha, a, lda, packed, beta, default, actual, ldc);
                        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{m}x{n}x{k} ta={ta} tb={tb} threads={threads}");
                    }
    }

    [Theory, MemberData(nameof(Paths))]
    public void With_a_bias_it_gives_the_bits_of_the_ordinary_biased_product(GemmPath path)
    {
        var random = new Random(6);
        foreach (var (m, n, k) in Shapes)
            foreach (int threads in new[] { 1, 2 })
            {
                var a = Random(random, m * k);
                var b = Random(random, n * k);
                var bias = Random(random, n);
                var expected = Enumerable.Repeat(float.NaN, m * n).ToArray(); // never read
                Gemm.SgemmBias(path, threads, false, true, m, n, k, 1f, a, k, b, k, bias, expected, n);
                var packed = PackedMatrix.Pack(path, true, k, n, b, k, new float[PackedMatrix.Length(k, n, path)]);
                var actual = Enumerable.Repeat(float.NaN, m * n).ToArray();
                Gemm.SgemmPacked(threads, false, m, 1f, a, k, packed, 0f, bias, actual, n);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{m}x{n}x{k} threads={threads}");
            }
    }

    [Fact]
    public void Sizes_that_do_not_fit_are_refused_with_the_argument_named()
    {
        var b = new float[4 * 6];
        var e = Assert.Throws<ArgumentException>(() => PackedMatrix.Pack(true, 6, 4, b, 6, new float[3]));
        Assert.Equal("panels", e.ParamName);
        Assert.Throws<ArgumentException>(() => PackedMatrix.Pack(true, 6, 5, b, 6, new float[1000]));
        var packed = PackedMatrix.Pack(true, 6, 4, b, 6, new float[PackedMatrix.Length(6, 4, Gemm.Path)]);
        e = Assert.Throws<ArgumentException>(() => Gemm.SgemmPacked(1, false, 2, 1f, new float[11], 6, packed, 0f, default, new float[8], 4));
        Assert.Equal("a", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Gemm.SgemmPacked(1, false, 2, 1f, new float[12], 6, packed, 0f, new float[3], new float[8], 4));
        Assert.Equal("bias", e.ParamName);
    }

    private static float[] Random(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => random.NextSingle() - 0.5f).ToArray();
}
