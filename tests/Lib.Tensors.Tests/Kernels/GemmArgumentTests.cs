using Lib.Tensors.Kernels;

namespace Lib.Tensors.Tests.Kernels;

public class GemmArgumentTests
{
    private delegate void Product(int batch, bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB,
        float beta, Span<float> c, int ldc, long strideC);

    public static TheoryData<string> Implementations() => ["Gemm", "GemmReference"];

    private static Product For(string name) => name == "Gemm" ? Gemm.SgemmBatched : GemmReference.SgemmBatched;

    /// <summary>Calls a 2 x 3 x 4 product (A [2, 4], B [4, 3], C [2, 3]) with one argument changed, and returns the error's argument.</summary>
    private static string? Refused(string implementation, int batch = 1, bool transA = false, int m = 2, int n = 3, int k = 4,
        int aLength = 8, int lda = 4, long strideA = 0, int bLength = 12, int ldb = 3, long strideB = 0,
        int cLength = 6, int ldc = 3, long strideC = 6)
    {
        var product = For(implementation);
        var a = new float[aLength];
        var b = new float[bLength];
        var c = new float[cLength];
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            product(batch, transA, false, m, n, k, 1f, a, lda, strideA, b, ldb, strideB, 0f, c, ldc, strideC));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error.ParamName;
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Negative_sizes_are_refused_by_name(string implementation)
    {
        Assert.Equal("m", Refused(implementation, m: -1));
        Assert.Equal("n", Refused(implementation, n: -1));
        Assert.Equal("k", Refused(implementation, k: -2));
        Assert.Equal("batch", Refused(implementation, batch: -1));
        Assert.Equal("strideA", Refused(implementation, strideA: -1));
        Assert.Equal("strideB", Refused(implementation, strideB: -8));
        Assert.Equal("strideC", Refused(implementation, strideC: -6));
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Leading_dimensions_shorter_than_a_row_are_refused(string implementation)
    {
        Assert.Equal("lda", Refused(implementation, lda: 3));
        Assert.Equal("lda", Refused(implementation, transA: true, lda: 1, aLength: 8)); // stored [4, 2]: lda >= 2
        Assert.Equal("ldb", Refused(implementation, ldb: 2));
        Assert.Equal("ldc", Refused(implementation, ldc: 2));
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Spans_too_short_for_the_sizes_and_strides_are_refused(string implementation)
    {
        Assert.Equal("a", Refused(implementation, aLength: 7));
        Assert.Equal("a", Refused(implementation, lda: 5, aLength: 8)); // (2 - 1)·5 + 4 = 9
        Assert.Equal("b", Refused(implementation, bLength: 11));
        Assert.Equal("c", Refused(implementation, cLength: 5));
        Assert.Equal("a", Refused(implementation, batch: 2, strideA: 8, aLength: 15, bLength: 12, cLength: 12));
        Assert.Equal("b", Refused(implementation, batch: 3, strideB: 12, aLength: 8, bLength: 35, cLength: 18));
        Assert.Equal("c", Refused(implementation, batch: 2, cLength: 11));
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Overlapping_batches_of_C_are_refused(string implementation)
    {
        Assert.Equal("strideC", Refused(implementation, batch: 2, strideC: 5, cLength: 12));
        Assert.Equal("strideC", Refused(implementation, batch: 2, strideC: 0, cLength: 12));
    }

    [Fact]
    public void Tight_arguments_and_empty_products_are_accepted()
    {
        var a = new float[8];
        var b = new float[12];
        var c = new float[6];
        Gemm.Sgemm(false, false, 2, 3, 4, 1f, a, 4, b, 3, 0f, c, 3);
        Gemm.Sgemm(false, false, 0, 0, 0, 1f, [], 0, [], 0, 0f, [], 0);
        Gemm.SgemmBatched(0, false, false, 2, 3, 4, 1f, [], 4, 8, [], 3, 12, 0f, [], 3, 6);
        Gemm.SgemmBatched(2, false, false, 2, 3, 4, 1f, a, 4, 0, b, 3, 0, 0f, new float[12], 3, 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.MaxThreads = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(GemmPath.Scalar, 0, false, false, 1, 1, 1, 1f, [1f], 1, [1f], 1, 0f, new float[1], 1));
    }
}
