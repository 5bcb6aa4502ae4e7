using Lib.Tensors.NN;

namespace Lib.Tensors.Optim;

/// <summary>Common ways to split a model's parameters into groups.</summary>
public static class ParamGroups
{
    /// <summary>
    /// Two groups, the usual choice for AdamW (minGPT, nanoGPT): matrices (every parameter of two or
    /// more dimensions) decay with <paramref name="weightDecay"/>; biases, norm weights and other
    /// parameters of fewer than two dimensions get weight decay 0. Embedding tables are matrices and
    /// decay unless <paramref name="decayEmbeddings"/> is false. Frozen parameters (no RequiresGrad)
    /// are left out. Both groups are always returned, in that order (either may be empty).
    /// </summary>
    public static IReadOnlyList<ParamGroup> DecayAndNoDecay(
        Module module,
        double weightDecay,
        bool decayEmbeddings = true
    )
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!(weightDecay >= 0))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), $"weightDecay must be >= 0, got {weightDecay}.");
        var embeddings = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        if (!decayEmbeddings)
            foreach (var (_, m) in module.NamedModules())
                if (m is Embedding e)
                    embeddings.Add(e.Weight);
        var decay = new List<Tensor>();
        var noDecay = new List<Tensor>();
        foreach (var p in module.Parameters())
        {
            if (!p.RequiresGrad)
                continue;
            (p.Dim >= 2 && !embeddings.Contains(p) ? decay : noDecay).Add(p);
        }
        return [new ParamGroup(decay) { WeightDecay = weightDecay }, new ParamGroup(noDecay) { WeightDecay = 0 }];
    }
}
