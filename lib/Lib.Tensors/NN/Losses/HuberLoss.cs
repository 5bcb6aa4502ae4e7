namespace Lib.Tensors.NN;

/// <summary>Huber loss (<c>nn.HuberLoss</c>): quadratic within <see cref="Delta"/>, linear outside; see
/// <see cref="Functional.HuberLoss"/>.</summary>
public sealed class HuberLoss(Reduction reduction = Reduction.Mean, float delta = 1f) : Loss(reduction)
{
    /// <summary>Where the loss turns from quadratic to linear (positive).</summary>
    public float Delta { get; } = delta;

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/> (same shape).</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.HuberLoss(input, target, Delta, Reduction);
}
