namespace Lib.Tensors.NN;

/// <summary>
/// Layer normalisation over the trailing <c>normalizedShape</c> dimensions (PyTorch's
/// <c>nn.LayerNorm</c>): (x − mean) / √(var + eps) · weight + bias, with the biased variance.
/// With <c>elementwiseAffine</c>, <c>weight</c> starts at ones and <c>bias</c> at zeros.
/// </summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    /// <summary>Normalises over the last dimension, of size <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true)
        : this([normalizedShape], eps, elementwiseAffine) { }

    /// <summary>Normalises over the trailing dimensions <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The sizes of the trailing dimensions to normalise over.</param>
    /// <param name="eps">Added to the variance for stability.</param>
    /// <param name="elementwiseAffine">Whether to learn a per-element scale (<c>weight</c>) and shift
    /// (<c>bias</c>).</param>
    public LayerNorm(int[] normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0 || normalizedShape.Any(s => s <= 0))
            throw new ArgumentException(
                $"normalizedShape must be one or more positive sizes, got {Tensor.ShapeText(normalizedShape)}.",
                nameof(normalizedShape)
            );
        if (!(eps >= 0))
            throw new ArgumentOutOfRangeException(nameof(eps), $"eps must be non-negative, got {eps}.");
        NormalizedShape = [.. normalizedShape];
        Eps = eps;
        ElementwiseAffine = elementwiseAffine;
        Weight = RegisterOptionalParameter("weight", elementwiseAffine ? Tensor.Ones(normalizedShape) : null);
        Bias = RegisterOptionalParameter("bias", elementwiseAffine ? Tensor.Zeros(normalizedShape) : null);
    }

    /// <summary>The trailing dimensions normalised over.</summary>
    public IReadOnlyList<int> NormalizedShape { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Whether <see cref="Weight"/> and <see cref="Bias"/> exist.</summary>
    public bool ElementwiseAffine { get; }

    /// <summary>The scale, shaped like <see cref="NormalizedShape"/> (null without elementwise affine).</summary>
    public Tensor? Weight { get; }

    /// <summary>The shift, shaped like <see cref="NormalizedShape"/> (null without elementwise affine).</summary>
    public Tensor? Bias { get; }

    /// <summary>Resets weight to ones and bias to zeros (<c>reset_parameters</c>).</summary>
    public void ResetParameters()
    {
        if (Weight is not null)
            Init.Ones(Weight);
        if (Bias is not null)
            Init.Zeros(Bias);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.LayerNorm(input, [.. NormalizedShape], Weight, Bias, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{PyRepr.Tuple(NormalizedShape)}, eps={PyRepr.Float(Eps)}, "
        + $"elementwise_affine={PyRepr.Bool(ElementwiseAffine)}";
}
