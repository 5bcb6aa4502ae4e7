using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Paragliding.Model;

/// <summary>
/// Glideator's ordinal head: one score a = <c>fc</c>(h) against K ordered cut points
/// θ_k = <c>bias_base</c> + Σ_{j ≤ k} softplus(<c>bias_deltas</c>_j), so logit_k = a − θ_k and
/// P(Y &gt; t_k) = σ(a − θ_k) falls with k by construction. Outputs logits [B, K].
/// </summary>
public sealed class OrdinalHead : Module<Tensor, Tensor>
{
    private readonly Tensor _upper; // [K, K], 1 where row ≤ column: the cumulative sum as a product

    /// <summary>A head over <paramref name="inFeatures"/> inputs for <paramref name="targets"/> thresholds.</summary>
    public OrdinalHead(int inFeatures, int targets, Generator generator)
    {
        Fc = RegisterModule("fc", new Linear(inFeatures, 1, generator));
        BiasBase = RegisterParameter("bias_base", Tensor.Zeros(1));
        BiasDeltas = RegisterParameter("bias_deltas", Tensor.Ones(targets));
        var upper = new float[targets * targets];
        for (int i = 0; i < targets; i++)
        for (int j = i; j < targets; j++)
            upper[i * targets + j] = 1;
        _upper = Tensor.Wrap(upper, targets, targets);
    }

    /// <summary>The score's linear layer.</summary>
    public Linear Fc { get; }

    /// <summary>The first cut point's base.</summary>
    public Tensor BiasBase { get; }

    /// <summary>The cut points' increments before softplus.</summary>
    public Tensor BiasDeltas { get; }

    /// <summary>The ordered cut points θ [K].</summary>
    public Tensor Thresholds()
    {
        int k = BiasDeltas.Shape[0];
        var softplus = (BiasDeltas.Exp() + 1f).Log().Reshape(1, k); // [1, K]
        return softplus.MatMul(_upper).Reshape(k) + BiasBase; // [K]
    }

    /// <summary>h [B, F] → logits [B, K].</summary>
    public override Tensor Forward(Tensor input)
    {
        var a = Fc.Forward(input); // [B, 1]
        return a - Thresholds().Reshape(1, BiasDeltas.Shape[0]); // [B, K]
    }
}
