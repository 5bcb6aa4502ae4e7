using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class MixtureGaussianNllTests
{
    private const float HalfLogTwoPi = 0.9189385332f;

    /// <summary>The oracle: the definition composed from primitives.</summary>
    private static Tensor Composed(Tensor logits, Tensor mu, Tensor logSigma, Tensor target, Reduction reduction)
    {
        var logPi = logits.LogSoftmax(-1);
        var z = (target.Unsqueeze(1) - mu) / logSigma.Exp();
        var logComponent = (-0.5f * z * z - logSigma - HalfLogTwoPi).Sum(-1);
        var nll = -(logPi + logComponent).LogSumExp(-1);
        return reduction switch { Reduction.None => nll, Reduction.Sum => nll.Sum(), _ => nll.Mean() };
    }

    [Fact]
    public void One_component_is_a_gaussian()
    {
        // z = (1.5 − 0.5) / 2: nll = 0.5·z² + log 2 + 0.5·log 2π
        var loss = Functional.MixtureGaussianNll(Tensor.Zeros(1, 1), Tensor.Full(0.5f, 1, 1, 1), Tensor.Full(MathF.Log(2f), 1, 1, 1), Tensor.Full(1.5f, 1, 1));
        Assert.Equal(0.125f + 0.6931472f + HalfLogTwoPi, loss.Item(), 5);
        // Two equal components with equal weights give the same likelihood.
        var two = Functional.MixtureGaussianNll(Tensor.Zeros(1, 2), Tensor.Full(0.5f, 1, 2, 1), Tensor.Full(MathF.Log(2f), 1, 2, 1), Tensor.Full(1.5f, 1, 1));
        Assert.Equal(loss.Item(), two.Item(), 5);
    }

    [Theory]
    [InlineData(Reduction.None)]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    public void Matches_the_definition_in_values_and_every_gradient(Reduction reduction)
    {
        Tensor[] inputs = [GradCheck.Randn(1, 4, 3), GradCheck.Randn(2, 4, 3, 2), GradCheck.Randn(3, 4, 3, 2) * 0.3f, GradCheck.Randn(4, 4, 2)];
        var leaves = inputs.Select(x => x.Detach().RequireGrad()).ToArray();
        var fused = Functional.MixtureGaussianNll(leaves[0], leaves[1], leaves[2], leaves[3], reduction);
        Assert.Equal(reduction == Reduction.None ? [4] : [], fused.Shape);
        var upstream = GradCheck.Randn(5, [.. fused.Shape]);
        (fused * upstream).Sum().Backward();
        var grads = leaves.Select(l => l.Grad!).ToArray();
        foreach (var l in leaves) l.Grad = null;
        var composed = Composed(leaves[0], leaves[1], leaves[2], leaves[3], reduction);
        (composed * upstream).Sum().Backward();
        Approx.Equal(composed, fused, 1e-5f, 1e-5f, "loss");
        for (int i = 0; i < leaves.Length; i++) Approx.Equal(leaves[i].Grad!, grads[i], 1e-5f, 1e-4f, $"gradient {i}");
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        GradCheck.Check(t => Functional.MixtureGaussianNll(t[0], t[1], t[2], t[3], Reduction.None),
            [GradCheck.Randn(1, 4, 3), GradCheck.Randn(2, 4, 3, 2), GradCheck.Randn(3, 4, 3, 2) * 0.3f, GradCheck.Randn(4, 4, 2)]);
    }

    [Fact]
    public void Bad_shapes_are_clear_errors()
    {
        var logits = Tensor.Zeros(4, 3);
        var mu = Tensor.Zeros(4, 3, 2);
        var target = Tensor.Zeros(4, 2);
        Assert.Contains("mu must be [N, K, D] = [4, 3, 2]", Assert.Throws<ArgumentException>(() => Functional.MixtureGaussianNll(logits, Tensor.Zeros(4, 2, 2), mu, target)).Message);
        Assert.Contains("logSigma", Assert.Throws<ArgumentException>(() => Functional.MixtureGaussianNll(logits, mu, Tensor.Zeros(4, 3), target)).Message);
        Assert.Contains("target must be [N, D] with N = 4", Assert.Throws<ArgumentException>(() => Functional.MixtureGaussianNll(logits, mu, mu, Tensor.Zeros(3, 2))).Message);
        Assert.Contains("logits must be [N, K]", Assert.Throws<ArgumentException>(() => Functional.MixtureGaussianNll(Tensor.Zeros(4), mu, mu, target)).Message);
    }
}
