namespace Lib.Tensors.NN;

/// <summary>Mean absolute error (<c>nn.L1Loss</c>); see <see cref="Functional.L1Loss"/>.</summary>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/> (same shape).</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.L1Loss(input, target, Reduction);
}
