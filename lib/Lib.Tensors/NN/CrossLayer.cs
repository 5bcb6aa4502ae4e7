using System.Globalization;

namespace Lib.Tensors.NN;

/// <summary>
/// One cross layer of DCN-V2 (Wang et al. 2021, "DCN V2: Improved Deep &amp; Cross Network"): an explicit
/// feature interaction <c>x_{l+1} = x_0 ⊙ (W x_l + b) + x_l</c>, x_0 and x_l [*, D] → [*, D]. Full-rank by
/// default, with keys <c>weight</c> [D, D] and <c>bias</c> [D] (W x + b is an <c>nn.Linear(D, D)</c>, drawn like
/// one). With a <c>rank</c> r the layer is the paper's low-rank form <c>x_0 ⊙ (U (Vᵀ x_l) + b) + x_l</c>, keys
/// <c>weight_v</c> [r, D] (Vᵀ, applied first, drawn like <c>nn.Linear(D, r)</c>), <c>weight_u</c> [D, r] (U) and
/// <c>bias</c> [D] (drawn like <c>nn.Linear(r, D)</c>). Built from primitives, so autograd needs nothing more.
/// </summary>
public sealed class CrossLayer : Module
{
    /// <summary>Creates the layer, drawing its initial weights from <paramref name="generator"/>.</summary>
    /// <param name="inFeatures">D, the width of x_0 and x_l.</param>
    /// <param name="generator">The source of the initial weights.</param>
    /// <param name="rank">null for the full-rank W [D, D]; else r in 1..D for W = U Vᵀ.</param>
    /// <param name="bias">Whether the layer learns the additive bias b.</param>
    public CrossLayer(int inFeatures, Generator generator, int? rank = null, bool bias = true)
    {
        if (inFeatures <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(inFeatures),
                $"inFeatures must be positive, got {inFeatures}."
            );
        if (rank is { } r && (r <= 0 || r > inFeatures))
            throw new ArgumentOutOfRangeException(
                nameof(rank),
                $"rank must be null (full rank) or in 1..{inFeatures} (inFeatures), got {r}."
            );
        ArgumentNullException.ThrowIfNull(generator);
        InFeatures = inFeatures;
        Rank = rank;
        if (rank is { } low)
        {
            WeightV = RegisterParameter("weight_v", Tensor.Zeros(low, inFeatures));
            WeightU = RegisterParameter("weight_u", Tensor.Zeros(inFeatures, low));
        }
        else
            Weight = RegisterParameter("weight", Tensor.Zeros(inFeatures, inFeatures));
        Bias = RegisterOptionalParameter("bias", bias ? Tensor.Zeros(inFeatures) : null);
        ResetParameters(generator);
    }

    /// <summary>D, the width of x_0, x_l and the output.</summary>
    public int InFeatures { get; }

    /// <summary>The rank r of the low-rank form, or null for the full-rank W.</summary>
    public int? Rank { get; }

    /// <summary>W [D, D] of the full-rank form; null when the layer is low-rank.</summary>
    public Tensor? Weight { get; }

    /// <summary>Vᵀ [r, D] of the low-rank form; null when the layer is full-rank.</summary>
    public Tensor? WeightV { get; }

    /// <summary>U [D, r] of the low-rank form; null when the layer is full-rank.</summary>
    public Tensor? WeightU { get; }

    /// <summary>b [D], or null when created with <c>bias: false</c>.</summary>
    public Tensor? Bias { get; }

    /// <summary>
    /// Re-draws the parameters as the <c>nn.Linear</c> layers they stand for would be: each weight
    /// kaiming_uniform(a = √5), i.e. U(−1/√fan_in, 1/√fan_in), and the bias U(−1/√fan_in, 1/√fan_in) with fan_in
    /// the width of what W (or U) multiplies: D, or r in the low-rank form.
    /// </summary>
    public void ResetParameters(Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (Weight is not null)
            Init.KaimingUniform(Weight, generator, a: Math.Sqrt(5));
        if (WeightV is not null)
            Init.KaimingUniform(WeightV, generator, a: Math.Sqrt(5));
        if (WeightU is not null)
            Init.KaimingUniform(WeightU, generator, a: Math.Sqrt(5));
        if (Bias is not null)
        {
            double bound = 1 / Math.Sqrt(Rank ?? InFeatures);
            Init.Uniform(Bias, generator, -bound, bound);
        }
    }

    /// <summary>x_0 ⊙ (W x_l + b) + x_l.</summary>
    /// <param name="x0">The network's input x_0 [*, D].</param>
    /// <param name="xl">The previous layer's output x_l, shaped like <paramref name="x0"/>.</param>
    /// <returns>x_{l+1} [*, D].</returns>
    public Tensor Forward(Tensor x0, Tensor xl)
    {
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(xl);
        if (x0.Dim == 0 || x0.Shape[^1] != InFeatures || !x0.Shape.SequenceEqual(xl.Shape))
            throw new ArgumentException(
                $"CrossLayer: x0 {Tensor.ShapeText(x0.Shape)} and xl {Tensor.ShapeText(xl.Shape)} must have the same "
                    + $"shape, ending in {InFeatures} features."
            );
        var mixed = Weight is not null
            ? Tensor.Linear(xl, Weight, Bias) // [*, D]
            : Tensor.Linear(Tensor.Linear(xl, WeightV!), WeightU!, Bias); // [*, r] → [*, D]
        return x0 * mixed + xl; // [*, D]
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"in_features={InFeatures}, rank={Rank?.ToString(CultureInfo.InvariantCulture) ?? "None"}, "
        + $"bias={PyRepr.Bool(Bias is not null)}";
}
