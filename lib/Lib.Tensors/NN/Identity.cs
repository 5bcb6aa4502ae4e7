namespace Lib.Tensors.NN;

/// <summary>Returns its input unchanged (PyTorch's <c>nn.Identity</c>); pass it where a model's optional layer (a
/// projection, a norm) is switched off.</summary>
public sealed class Identity : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input;
}
