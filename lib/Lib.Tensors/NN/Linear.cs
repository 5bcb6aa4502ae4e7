namespace Lib.Tensors.NN;

/// <summary>
/// <c>y = x · weightᵀ + bias</c> (PyTorch's <c>nn.Linear</c>): x [*, in] → [*, out]. Parameters
/// <c>weight</c> [out, in] ~ kaiming_uniform(a = √5), i.e. U(−1/√in, 1/√in), and <c>bias</c> [out] ~ U(−1/√in, 1/√in).
/// </summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer, drawing its initial weights from <paramref name="generator"/>.</summary>
    /// <param name="inFeatures">The size of each input sample.</param>
    /// <param name="outFeatures">The size of each output sample.</param>
    /// <param name="generator">The source of the initial weights.</param>
    /// <param name="bias">Whether the layer learns an additive bias.</param>
    public Linear(int inFeatures, int outFeatures, Generator generator, bool bias = true)
    {
        if (inFeatures < 0)
            throw new ArgumentOutOfRangeException(
                nameof(inFeatures),
                $"inFeatures must be non-negative, got {inFeatures}."
            );
        if (outFeatures < 0)
            throw new ArgumentOutOfRangeException(
                nameof(outFeatures),
                $"outFeatures must be non-negative, got {outFeatures}."
            );
        ArgumentNullException.ThrowIfNull(generator);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Bias = RegisterOptionalParameter("bias", bias ? Tensor.Zeros(outFeatures) : null);
        ResetParameters(generator);
    }

    /// <summary>The size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>The size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>[out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null when created with <c>bias: false</c>.</summary>
    public Tensor? Bias { get; }

    /// <summary>Re-draws the parameters with PyTorch's default initialisation (<c>reset_parameters</c>).</summary>
    public void ResetParameters(Generator generator)
    {
        Init.KaimingUniform(Weight, generator, a: Math.Sqrt(5));
        if (Bias is not null)
        {
            double bound = InFeatures > 0 ? 1 / Math.Sqrt(InFeatures) : 0;
            Init.Uniform(Bias, generator, -bound, bound);
        }
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.Linear(input, Weight, Bias); // [*, in] → [*, out]

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyRepr.Bool(Bias is not null)}";
}
