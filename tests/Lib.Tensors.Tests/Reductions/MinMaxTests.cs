namespace Lib.Tensors.Tests.Reductions;

public class MinMaxTests
{
    /// <summary>Distinct values 0.1 apart in a seeded order, so a finite-difference step never changes the winner.</summary>
    private static Tensor Distinct(long seed, params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        var values = Enumerable.Range(0, n).Select(i => (i - n / 2) * 0.1f).ToArray();
        new Random((int)seed).Shuffle(values);
        return Tensor.FromArray(values, shape);
    }

    [Fact]
    public void Max_and_min_over_a_dimension_give_values_and_first_indices()
    {
        var x = Tensor.FromArray([1f, 5f, 5f, -2f, 0f, 3f, 3f, -2f], 2, 4);
        var (values, indices) = x.Max(1);
        Assert.Equal([5f, 3f], values.ToArray());
        Assert.Equal([1, 1], indices.ToArray());
        var (minValues, minIndices) = x.Min(1, keepDim: true);
        Assert.Equal([-2f, -2f], minValues.ToArray());
        Assert.Equal([3, 3], minIndices.ToArray());
        Assert.Equal([2, 1], minValues.Shape);
        Assert.Equal([2, 1], minIndices.Shape);
        var (colValues, colIndices) = x.Max(0);
        Assert.Equal([1f, 5f, 5f, -2f], colValues.ToArray());
        Assert.Equal([0, 0, 0, 0], colIndices.ToArray());
        Assert.Equal([1, 1], x.ArgMax(-1).ToArray());
        Assert.Equal([2, 1], Tensor.FromArray([1f, 5f, 7f, -2f, 0f, 3f, 3f, -2f], 2, 4).ArgMax(1).ToArray());
        Assert.Equal([2, 1], x.ArgMax(1, keepDim: true).Shape);
        Assert.Equal([1, 1, 1, 0], x.Min(0).Indices.ToArray());
    }

    [Fact]
    public void Nan_wins_as_in_pytorch()
    {
        var x = Tensor.FromArray([1f, float.NaN, 3f, float.NaN]);
        var (value, index) = x.Max(0);
        Assert.True(float.IsNaN(value.Item()));
        Assert.Equal([1], index.ToArray());
        Assert.True(float.IsNaN(x.Min().Item()));
        Assert.Equal([1], x.ArgMax(0).ToArray());
    }

    [Fact]
    public void Max_over_all_splits_the_gradient_among_ties()
    {
        var x = Tensor.FromArray([1f, 3f, 3f, -4f]).RequireGrad();
        Assert.Equal(3f, x.Max().Item());
        (x.Max() * 2f).Backward();
        Assert.Equal([0f, 1f, 1f, 0f], x.Grad!.ToArray());
        var y = Tensor.FromArray([1f, 3f, -4f, -4f, -4f, 0f]).RequireGrad();
        Assert.Equal(-4f, y.Min().Item());
        y.Min().Backward();
        Assert.Equal([0f, 0f, 1f / 3, 1f / 3, 1f / 3, 0f], y.Grad!.ToArray());
    }

    [Fact]
    public void The_gradient_of_max_over_a_dimension_goes_to_the_winner()
    {
        var x = Tensor.FromArray([1f, 5f, 5f, -2f], 2, 2).RequireGrad();
        x.Max(1).Values.Mul(Tensor.FromArray([10f, 20f])).Sum().Backward();
        Assert.Equal([0f, 10f, 20f, 0f], x.Grad!.ToArray());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Gradients_match_finite_differences(int dim, bool keepDim)
    {
        GradCheck.Check(t => t[0].Max(dim, keepDim).Values, [Distinct(1, 3, 4, 5)]);
        GradCheck.Check(t => t[0].Min(dim, keepDim).Values, [Distinct(2, 3, 4, 5)]);
        GradCheck.Check(t => t[0].Max(), [Distinct(3, 3, 4)]);
        GradCheck.Check(t => t[0].Min(), [Distinct(4, 3, 4)]);
    }

    [Fact]
    public void Empty_inputs_are_errors_and_scalars_reduce_to_themselves()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 0).Max(1)).Message);
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0).Max());
        Assert.Equal([0], Tensor.Zeros(2, 0).Max(0).Values.Shape);
        var (v, i) = Tensor.Scalar(4f).Max(0);
        Assert.Equal([4f], v.ToArray());
        Assert.Equal([0], i.ToArray());
        Assert.Equal([], i.Shape);
    }
}
