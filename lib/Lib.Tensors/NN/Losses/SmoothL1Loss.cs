namespace Lib.Tensors.NN;

/// <summary>Smooth L1 loss (<c>nn.SmoothL1Loss</c>): Huber divided by <see cref="Beta"/>; see
/// <see cref="Functional.SmoothL1Loss"/>.</summary>
public sealed class SmoothL1Loss(Reduction reduction = Reduction.Mean, float beta = 1f) : Loss(reduction)
{
    /// <summary>Where the loss turns from quadratic to linear (0 gives the L1 loss).</summary>
    public float Beta { get; } = beta;

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/> (same shape).</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.SmoothL1Loss(input, target, Beta, Reduction);
}
