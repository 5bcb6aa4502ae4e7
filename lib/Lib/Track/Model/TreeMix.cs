using Lib.Track.Domain;

namespace Lib.Track.Model;

/// <summary>
/// How the <see cref="BoostedTrees"/>' forecast mixes with the network's (after the <see cref="FamilyBlend"/>), per
/// event family: the forecast mark is <c>(1 − share) × network + share × trees</c>. The shares are fitted on the
/// validation seasons; a family with fewer than <see cref="MinimumWindows"/> of them (or unseen) uses
/// <see cref="Pooled"/>.
/// </summary>
/// <param name="Shares">The trees' share of each family fitted on its own, by <see cref="EventFamily"/> name.</param>
/// <param name="Pooled">The share fitted on every validation window.</param>
/// <param name="MinimumWindows">The validation windows a family needed to get its own share.</param>
/// <param name="Features">The trees' feature names, in order (<see cref="Dataset.WindowFeatures.Names"/>).</param>
/// <param name="Settings">How the trees were grown (trees, leaves, minimum rows per leaf, learning rate).</param>
/// <param name="ValidationError">The validation error in percent: the network (blended), the mix, the trees
/// alone.</param>
public sealed record TreeMix(
    IReadOnlyDictionary<string, double> Shares,
    double Pooled,
    int MinimumWindows,
    IReadOnlyList<string> Features,
    TreeSettings Settings,
    TreeValidation ValidationError
)
{
    /// <summary>The trees' share in <paramref name="family"/>: its own, else the pooled one.</summary>
    public double ShareOf(EventFamily family) => Shares.TryGetValue(family.ToString(), out var s) ? s : Pooled;

    /// <summary>The mixed forecast of a network forecast and a trees forecast (both in the event's unit).</summary>
    public double Apply(EventFamily family, double network, double trees) =>
        network + ShareOf(family) * (trees - network);
}

/// <summary>How boosted trees are grown (ML.NET FastTree regression, least squares on the clipped gain).</summary>
/// <param name="Trees">The number of trees.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumLeafRows">The fewest training rows a leaf holds.</param>
/// <param name="LearningRate">The shrinkage of each tree.</param>
/// <param name="ClipGain">The training gains are clipped to ± this (a log ratio) so that a rare outlier does not
/// steer the squares.</param>
public sealed record TreeSettings(
    int Trees = 300,
    int Leaves = 4,
    int MinimumLeafRows = 20,
    double LearningRate = 0.015,
    double ClipGain = 0.25
);

/// <summary>The validation error in percent of the network (blended), the mix and the trees alone.</summary>
public sealed record TreeValidation(double Network, double Mix, double Trees, int Windows);
