namespace Lib.Tensors.Tests.Reductions;

public class VarianceTests
{
    [Fact]
    public void Values_match_hand_computed_numbers()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 2f, 2f, 2f, 2f], 2, 4);
        Assert.Equal([5f / 3, 0f], x.Var(1).ToArray());
        Assert.Equal([1.25f, 0f], x.Var(1, unbiased: false).ToArray());
        Assert.Equal(MathF.Sqrt(5f / 3), x.Std(-1).ToArray()[0], 6);
        Assert.Equal(MathF.Sqrt(1.25f), x.Std(1, unbiased: false).ToArray()[0], 6);
        Assert.Equal([0.5f, 0f, 0.5f, 2f], x.Var(0).ToArray());
        Assert.Equal([1, 4], x.Var(0, keepDim: true).Shape);
        // Over both dimensions: mean 2.25, Σ(x − mean)² = 5.5.
        Assert.Equal(5.5f / 7, x.Var([0, 1]).Item(), 6);
        Assert.Equal(5.5f / 8, x.Var([1, 0], unbiased: false).Item(), 6);
        Assert.Equal([1, 1], x.Var([0, -1], keepDim: true).Shape);
    }

    [Fact]
    public void Dimensions_in_any_position_match_the_mean_formula()
    {
        var x = GradCheck.Randn(5, 3, 4, 5);
        var byFormula = (x - x.Mean([0, 2], keepDim: true)).Pow(2f).Sum([0, 2]) / 14f;
        var v = x.Var([2, 0]).ToArray();
        var expected = byFormula.ToArray();
        for (int i = 0; i < v.Length; i++) Assert.Equal(expected[i], v[i], 5);
    }

    [Fact]
    public void One_element_gives_nan_when_unbiased()
    {
        Assert.True(float.IsNaN(Tensor.FromArray([3f]).Var(0).Item()));
        Assert.Equal(0f, Tensor.FromArray([3f]).Var(0, unbiased: false).Item());
        Assert.True(float.IsNaN(Tensor.Scalar(3f).Std(0).Item()));
        Assert.Throws<ArgumentException>(() => Tensor.Ones(2, 3).Var(Array.Empty<int>()));
        Assert.Throws<ArgumentException>(() => Tensor.Ones(2, 3).Var([1, -1]));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Gradients_match_finite_differences(bool unbiased, bool keepDim)
    {
        GradCheck.Check(t => t[0].Var(-1, unbiased, keepDim), [GradCheck.Randn(1, 3, 5, 4)]);
        GradCheck.Check(t => t[0].Var([0, 2], unbiased, keepDim), [GradCheck.Randn(2, 3, 5, 4)]);
        GradCheck.Check(t => t[0].Std(1, unbiased, keepDim), [GradCheck.Randn(3, 3, 5, 4)]);
        GradCheck.Check(t => t[0].Std([0, 1], unbiased, keepDim), [GradCheck.Randn(4, 3, 5, 4)]);
    }
}
