namespace Lib.Tensors.Tests.Reductions;

public class SoftmaxTests
{
    private static void Close(float[] expected, float[] actual, float tolerance = 1e-5f) => Approx.Equal(expected, actual, tolerance, 0f);

    [Fact]
    public void Values_match_hand_computed_numbers()
    {
        var x = Tensor.FromArray([1f, 2f, 3f]);
        Close([0.09003057f, 0.24472847f, 0.66524096f], x.Softmax(0).ToArray());
        Close([-2.40760596f, -1.40760596f, -0.40760596f], x.LogSoftmax(-1).ToArray());
        Close([3.40760596f], x.LogSumExp(0).ToArray());
        Assert.Equal([], x.LogSumExp(0).Shape);
        Assert.Equal([1], x.LogSumExp(0, keepDim: true).Shape);
    }

    [Fact]
    public void Every_dimension_gives_the_same_as_the_last_after_a_transpose()
    {
        var x = GradCheck.Randn(7, 3, 4, 5);
        foreach (int dim in new[] { 0, 1 })
        {
            var moved = x.Transpose(dim, 2);
            Close(moved.Softmax(2).Transpose(dim, 2).ToArray(), x.Softmax(dim).ToArray());
            Close(moved.LogSoftmax(2).Transpose(dim, 2).ToArray(), x.LogSoftmax(dim).ToArray());
            Close(moved.LogSumExp(2, keepDim: true).Transpose(dim, 2).ToArray(), x.LogSumExp(dim, keepDim: true).ToArray());
        }
    }

    [Fact]
    public void Large_logits_are_stable()
    {
        Close([0.5f, 0.5f], Tensor.FromArray([1000f, 1000f]).Softmax(0).ToArray());
        Close([1f, 0f], Tensor.FromArray([1000f, -1000f]).Softmax(0).ToArray());
        Close([0f, -2000f], Tensor.FromArray([1000f, -1000f]).LogSoftmax(0).ToArray(), 1e-3f);
        Close([1000.6931472f], Tensor.FromArray([1000f, 1000f]).LogSumExp(0).ToArray(), 1e-3f);
        Close([-999.3068528f], Tensor.FromArray([-1000f, -1000f]).LogSumExp(0).ToArray(), 1e-3f);
    }

    [Fact]
    public void Negative_infinity_entries_get_zero_probability_and_an_all_negative_infinity_slice_is_nan()
    {
        float inf = float.PositiveInfinity;
        var x = Tensor.FromArray([0f, -inf, 0f, -inf, -inf, -inf], 2, 3);
        var p = x.Softmax(1).ToArray();
        Close([0.5f, 0f, 0.5f], p[..3]);
        Assert.All(p[3..], v => Assert.True(float.IsNaN(v)));
        var logp = x.LogSoftmax(1).ToArray();
        Assert.Equal(-inf, logp[1]);
        Close([-0.6931472f], [logp[0]]);
        Assert.All(logp[3..], v => Assert.True(float.IsNaN(v)));
        Assert.Equal([MathF.Log(2f), -inf], x.LogSumExp(1).ToArray());
        Assert.Equal([inf], Tensor.FromArray([inf, 1f]).LogSumExp(0).ToArray());
        // Along a non-last dimension too.
        var column = x.Transpose(0, 1).Softmax(0).Transpose(0, 1).ToArray();
        Close([0.5f, 0f, 0.5f], column[..3]);
        Assert.All(column[3..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Masked_positions_get_no_gradient()
    {
        var x = Tensor.FromArray([0.3f, float.NegativeInfinity, -0.2f]).RequireGrad();
        (x.Softmax(0) * Tensor.FromArray([1f, 2f, 3f])).Sum().Backward();
        Assert.Equal(0f, x.Grad!.ToArray()[1]);
        Assert.False(float.IsNaN(x.Grad!.ToArray()[0]));
    }

    [Fact]
    public void Rows_sum_to_one_and_exp_of_log_softmax_is_softmax()
    {
        var x = GradCheck.Randn(3, 4, 6);
        var p = x.Softmax(-1);
        Close([1f, 1f, 1f, 1f], p.Sum(-1).ToArray());
        Close(p.ToArray(), x.LogSoftmax(-1).Exp().ToArray());
        Close(x.LogSoftmax(1).ToArray(), (x - x.LogSumExp(1, keepDim: true)).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Gradients_match_finite_differences(int dim)
    {
        GradCheck.Check(t => t[0].Softmax(dim), [GradCheck.Randn(11, 3, 4, 5)]);
        GradCheck.Check(t => t[0].LogSoftmax(dim), [GradCheck.Randn(12, 3, 4, 5)]);
        GradCheck.Check(t => t[0].LogSumExp(dim), [GradCheck.Randn(13, 3, 4, 5)]);
        GradCheck.Check(t => t[0].LogSumExp(dim, keepDim: true), [GradCheck.Randn(14, 3, 4, 5)]);
    }

    [Fact]
    public void Zero_dimensional_and_empty_inputs()
    {
        Assert.Equal([1f], Tensor.Scalar(3f).Softmax(0).ToArray());
        Assert.Equal([0f], Tensor.Scalar(3f).LogSoftmax(-1).ToArray());
        Assert.Equal([3f], Tensor.Scalar(3f).LogSumExp(0).ToArray());
        Assert.Equal([float.NegativeInfinity, float.NegativeInfinity], Tensor.Zeros(2, 0).LogSumExp(1).ToArray());
        Assert.Equal([2, 0], Tensor.Zeros(2, 0).Softmax(1).Shape);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Softmax(2));
    }
}
