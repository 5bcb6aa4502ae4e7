using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class GaussianNllTests
{
    [Fact]
    public void Values_match_hand_computed_numbers()
    {
        var x = Tensor.FromArray([1f, 0f]);
        var t = Tensor.FromArray([0f, 0f]);
        var v = Tensor.FromArray([2f, 1f]);
        // 0.5·(log 2 + 1/2) and 0.5·(log 1 + 0)
        Approx.Equal([0.5965736f, 0f], Functional.GaussianNllLoss(x, t, v, reduction: Reduction.None).ToArray());
        Approx.Equal([0.5965736f + 0.9189385f, 0.9189385f], Functional.GaussianNllLoss(x, t, v, full: true, reduction: Reduction.None).ToArray());
        Assert.Equal(0.5965736f / 2, Functional.GaussianNllLoss(x, t, v).Item(), 5);
        Assert.Equal(0.5965736f, Functional.GaussianNllLoss(x, t, v, reduction: Reduction.Sum).Item(), 5);
    }

    [Fact]
    public void Variance_is_clamped_to_eps_and_the_clamp_passes_the_gradient_through()
    {
        var x = Tensor.FromArray([0.5f, 0.5f]);
        var v = Tensor.FromArray([0f, 1e-8f]).RequireGrad();
        var loss = Functional.GaussianNllLoss(x, x.Detach(), v, eps: 1e-6f, reduction: Reduction.None);
        Approx.Equal([0.5f * MathF.Log(1e-6f), 0.5f * MathF.Log(1e-6f)], loss.ToArray());
        loss.Sum().Backward();
        // d/dv of 0.5·log v at v = eps: 0.5 / eps, not 0.
        Approx.Equal([5e5f, 5e5f], v.Grad!.ToArray(), 1f, 1e-4f);
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 4, 1 })]
    public void A_variance_shared_along_the_last_dimension_matches_the_expanded_one(int[] varShape)
    {
        var x = GradCheck.Randn(1, 4, 3);
        var t = GradCheck.Randn(2, 4, 3);
        var v = GradCheck.Uniform(3, 0.5f, 2f, varShape).RequireGrad();
        var full = v.Detach().Reshape(4, 1).Expand(4, 3).Detach().RequireGrad();
        var shared = Functional.GaussianNllLoss(x, t, v);
        var expanded = Functional.GaussianNllLoss(x, t, full);
        Assert.Equal(expanded.Item(), shared.Item(), 6);
        shared.Backward();
        expanded.Backward();
        Assert.Equal(varShape, v.Grad!.Shape);
        Approx.Equal(full.Grad!.Sum(1).ToArray(), v.Grad!.ToArray());
        GradCheck.Check(a => Functional.GaussianNllLoss(a[0], a[1], a[2], reduction: Reduction.None), [x, t, GradCheck.Uniform(4, 0.5f, 2f, varShape)]);
    }

    [Theory]
    [InlineData(false, Reduction.None)]
    [InlineData(true, Reduction.Mean)]
    [InlineData(false, Reduction.Sum)]
    public void Gradients_match_finite_differences(bool full, Reduction reduction)
    {
        GradCheck.Check(a => Functional.GaussianNllLoss(a[0], a[1], a[2], full, reduction: reduction),
            [GradCheck.Randn(1, 4, 3), GradCheck.Randn(2, 4, 3), GradCheck.Uniform(3, 0.5f, 2f, 4, 3)]);
    }

    [Fact]
    public void Bad_arguments_are_clear_errors()
    {
        var x = Tensor.Zeros(4, 3);
        Assert.Contains("variance of shape [3] does not fit input of shape [4, 3]", Assert.Throws<ArgumentException>(() => Functional.GaussianNllLoss(x, x, Tensor.Ones(3))).Message);
        Assert.Throws<ArgumentException>(() => Functional.GaussianNllLoss(x, x, Tensor.Ones(4, 2)));
        Assert.Contains("negative entries (the first is -1 at flat index 1)", Assert.Throws<ArgumentException>(() => Functional.GaussianNllLoss(Tensor.Zeros(2), Tensor.Zeros(2), Tensor.FromArray([1f, -1f]))).Message);
        Assert.Contains("target of shape [4]", Assert.Throws<ArgumentException>(() => Functional.GaussianNllLoss(x, Tensor.Zeros(4), Tensor.Ones(4, 3))).Message);
    }
}
