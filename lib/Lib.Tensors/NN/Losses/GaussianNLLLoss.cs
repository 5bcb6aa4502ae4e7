namespace Lib.Tensors.NN;

/// <summary>Gaussian negative log-likelihood with predicted variance (<c>nn.GaussianNLLLoss</c>); see
/// <see cref="Functional.GaussianNllLoss"/>.</summary>
public sealed class GaussianNLLLoss(bool full = false, float eps = 1e-6f, Reduction reduction = Reduction.Mean)
    : Loss(reduction)
{
    /// <summary>Whether the constant 0.5·log(2π) is included.</summary>
    public bool Full { get; } = full;

    /// <summary>The lower clamp of the variance, for stability.</summary>
    public float Eps { get; } = eps;

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/> (same shape) with
    /// <paramref name="variance"/>
    /// (the input's shape, or without / with 1 as its last dimension).</summary>
    public Tensor Forward(Tensor input, Tensor target, Tensor variance) =>
        Functional.GaussianNllLoss(input, target, variance, Full, Eps, Reduction);
}
