namespace Lib.Tensors.NN;

/// <summary>The Gaussian error linear unit x·Φ(x), exact or with the tanh approximation (PyTorch's
/// <c>nn.GELU</c>).</summary>
public sealed class GELU : Module<Tensor, Tensor>
{
    /// <summary>Creates the activation.</summary>
    /// <param name="approximate">"none" (exact, the default) or "tanh".</param>
    public GELU(string approximate = "none")
    {
        if (approximate is not ("none" or "tanh"))
            throw new ArgumentException(
                $"GELU approximation must be \"none\" or \"tanh\", got \"{approximate}\".",
                nameof(approximate)
            );
        Approximate = approximate;
    }

    /// <summary>"none" or "tanh".</summary>
    public string Approximate { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Gelu(input, Approximate);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"approximate={PyRepr.Str(Approximate)}";
}
