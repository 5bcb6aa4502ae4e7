namespace Lib.Tensors.NN;

/// <summary>Mean squared error (<c>nn.MSELoss</c>); see <see cref="Functional.MseLoss"/>.</summary>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/> (same shape).</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.MseLoss(input, target, Reduction);
}
