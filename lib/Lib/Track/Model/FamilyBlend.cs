using Lib.Track.Domain;

namespace Lib.Track.Model;

/// <summary>
/// How much of the network's learnt change from the last peak a forecast keeps, per event family: the forecast in
/// z-space is <c>base + weight × (network − base)</c>, where the base is the residual base (the last peak). A weight of
/// 1 is the network, 0 the last-peak baseline, and in between a blend of the two. The weights are fitted on the
/// validation seasons (by the train step's blend fitter); a family with too few validation windows uses
/// <see cref="Pooled"/>, the weight fitted on all of them.
/// </summary>
/// <param name="Weights">The weight of each family fitted on its own, by <see cref="EventFamily"/> name.</param>
/// <param name="Pooled">The weight fitted on every validation window: the fallback of thin or unseen families.</param>
/// <param name="MinimumWindows">The validation windows a family needed to get its own weight.</param>
/// <param name="ValidationError">The validation error in percent: the network, the blend, the last peak.</param>
public sealed record FamilyBlend(
    IReadOnlyDictionary<string, double> Weights,
    double Pooled,
    int MinimumWindows,
    BlendValidation ValidationError
)
{
    /// <summary>The weight of <paramref name="family"/>: its own, else the pooled one.</summary>
    public double WeightOf(EventFamily family) => Weights.TryGetValue(family.ToString(), out var w) ? w : Pooled;

    /// <summary>The blended forecast in z-space of a network output <paramref name="z"/> over <paramref name="baseZ"/>.
    /// </summary>
    public double Apply(EventFamily family, double z, double baseZ) => baseZ + WeightOf(family) * (z - baseZ);
}

/// <summary>The validation error in percent of the mark of the network alone, of the blend and of the last peak (the
/// residual base), on the windows the blend was fitted on.</summary>
/// <param name="Network">The network's forecasts.</param>
/// <param name="Blend">The blended forecasts.</param>
/// <param name="Base">The residual base alone (the last-peak baseline).</param>
/// <param name="Windows">The validation windows.</param>
public sealed record BlendValidation(double Network, double Blend, double Base, int Windows);
