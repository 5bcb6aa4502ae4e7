using System.Numerics.Tensors;
using Lib.Tensors.Ops;

namespace Lib.Tensors.Tests.Ops;

/// <summary>The attention rows' softmax and its backward against the TensorPrimitives composition they replace.</summary>
public class SoftmaxRowsTests
{
    public static TheoryData<int> Lengths => [1, 3, 7, 8, 9, 16, 41, 70];

    [Theory, MemberData(nameof(Lengths))]
    public void Forward_matches_add_subtract_max_exp_and_normalise(int n)
    {
        var g = new Generator(n);
        var row = Enumerable.Range(0, n).Select(_ => (float)g.NextNormal() * 4f).ToArray();
        var a = Enumerable.Range(0, n).Select(i => i % 5 == 1 ? float.NegativeInfinity : (float)g.NextNormal()).ToArray();
        var b = Enumerable.Range(0, n).Select(i => i == n - 1 && n > 1 ? float.NegativeInfinity : 0f).ToArray();
        if (n == 1) a[0] = 0.5f;
        var expected = (float[])row.Clone();
        TensorPrimitives.Add(expected, a, expected);
        TensorPrimitives.Add(expected, b, expected);
        TensorPrimitives.Subtract(expected, TensorPrimitives.Max(expected), expected);
        TensorPrimitives.Exp(expected, expected);
        TensorPrimitives.Multiply(expected, 1f / TensorPrimitives.Sum(expected), expected);

        var actual = (float[])row.Clone();
        SoftmaxRows.Forward(actual, a, b);
        Approx.Equal(expected, actual, 1e-7f, 1e-5f, $"softmax of {n}");
        for (int i = 0; i < n; i++) if (float.IsNegativeInfinity(a[i] + b[i])) Assert.Equal(0f, actual[i]);

        var plain = (float[])row.Clone();
        SoftmaxRows.Forward(plain, default, default);
        Assert.Equal(1f, plain.Sum(), 5);
    }

    [Fact]
    public void A_row_masked_everywhere_is_nan_as_in_pytorch()
    {
        var row = new float[11];
        SoftmaxRows.Forward(row, Enumerable.Repeat(float.NegativeInfinity, 11).ToArray(), default);
        Assert.All(row, v => Assert.True(float.IsNaN(v)));
    }

    [Theory, MemberData(nameof(Lengths))]
    public void Backward_matches_subtract_the_dot_and_multiply(int n)
    {
        var g = new Generator(100 + n);
        var p = Enumerable.Range(0, n).Select(_ => (float)g.NextDouble()).ToArray();
        var dp = Enumerable.Range(0, n).Select(_ => (float)g.NextNormal()).ToArray();
        var expected = (float[])dp.Clone();
        TensorPrimitives.Subtract(expected, TensorPrimitives.Dot(expected, p), expected);
        TensorPrimitives.Multiply(expected, p, expected);
        SoftmaxRows.Backward(dp, p);
        Approx.Equal(expected, dp, 1e-6f, 1e-5f, $"softmax backward of {n}");
    }
}
