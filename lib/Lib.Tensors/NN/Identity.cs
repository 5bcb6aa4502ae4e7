namespace Lib.Tensors.NN;

/// <summary>Returns its input (PyTorch's <c>nn.Identity</c>): a placeholder where a layer is optional.</summary>
public sealed class Identity : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input;
}
