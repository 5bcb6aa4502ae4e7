namespace Lib.Tensors.NN;

/// <summary>
/// While training, zeroes each element with probability <c>p</c> and scales the others by 1/(1 − p)
/// (PyTorch's <c>nn.Dropout</c>); in evaluation mode (<see cref="Module.Eval"/>) it returns its input
/// unchanged. The masks are drawn from the module's own <see cref="Generator"/>.
/// </summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Generator _generator;

    /// <summary>Creates the layer.</summary>
    /// <param name="generator">The source of the dropout masks (keep one per layer, or share one, as you like: either
    /// repeats for a seed).</param>
    /// <param name="p">The probability of zeroing an element, in [0, 1].</param>
    public Dropout(Generator generator, float p = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(
                nameof(p),
                $"Dropout probability has to be between 0 and 1, but got {p}."
            );
        _generator = generator;
        P = p;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public float P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Training && P > 0 ? Functional.Dropout(input, P, training: true, _generator) : input;

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={PyRepr.Float(P)}, inplace=False";
}
