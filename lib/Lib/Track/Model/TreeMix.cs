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
/// <param name="MeanShares">The mean of peaks' share of each family (null: no mean of peaks in the mix, as in cards
/// written before it): after the trees' mix, forecast = (1 − m) × mix + m × the window's mean of peaks (geometric,
/// <c>gain_mean_of_peaks</c>). A family's own share is shrunk toward <see cref="MeanPooled"/> by its number of
/// validation windows n: (n × own + <see cref="MinimumWindows"/> × pooled) / (n + <see cref="MinimumWindows"/>).
/// </param>
/// <param name="MeanPooled">The mean of peaks' share fitted on every validation window.</param>
public sealed record TreeMix(
    IReadOnlyDictionary<string, double> Shares,
    double Pooled,
    int MinimumWindows,
    IReadOnlyList<string> Features,
    TreeSettings Settings,
    TreeValidation ValidationError,
    IReadOnlyDictionary<string, double>? MeanShares = null,
    double MeanPooled = 0
)
{
    /// <summary>The trees' share in <paramref name="family"/>: its own, else the pooled one.</summary>
    public double ShareOf(EventFamily family) => Shares.TryGetValue(family.ToString(), out var s) ? s : Pooled;

    /// <summary>The mean of peaks' share in <paramref name="family"/>: its own, else the pooled one (0 without
    /// <see cref="MeanShares"/>).</summary>
    public double MeanShareOf(EventFamily family) =>
        MeanShares is null ? 0
        : MeanShares.TryGetValue(family.ToString(), out var s) ? s
        : MeanPooled;

    /// <summary>The mixed forecast of a network forecast and a trees forecast (both in the event's unit), then mixed
    /// with the window's mean of peaks when the mix has <see cref="MeanShares"/> and <paramref name="meanOfPeaks"/> is
    /// given.</summary>
    public double Apply(EventFamily family, double network, double trees, double? meanOfPeaks = null)
    {
        var mixed = network + ShareOf(family) * (trees - network);
        return meanOfPeaks is { } mean ? mixed + MeanShareOf(family) * (mean - mixed) : mixed;
    }
}

/// <summary>How boosted trees are grown (ML.NET FastTree regression, least squares on the clipped gain).</summary>
/// <param name="Trees">The number of trees.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumLeafRows">The fewest training rows a leaf holds.</param>
/// <param name="LearningRate">The shrinkage of each tree.</param>
/// <param name="ClipGain">The training gains are clipped to ± this (a log ratio) so that a rare outlier does not
/// steer the squares.</param>
/// <param name="MeanOfPeaks">Whether the mix also takes a per-family share of the window's mean of peaks
/// (<see cref="TreeMix.MeanShares"/>).</param>
/// <param name="Subsample">The share of training rows each tree sees (stochastic gradient boosting, FastTree's
/// bagging of one tree per bag; 1: every row).</param>
/// <param name="FeatureFraction">The share of features each tree may split on (1: all).</param>
/// <param name="Bags">How many tree models, grown with consecutive seeds, are averaged (1: one; the others are saved
/// as <c>trees-k.zip</c>). Only a subsample or feature fraction below 1 makes them differ.</param>
public sealed record TreeSettings(
    int Trees = 300,
    int Leaves = 4,
    int MinimumLeafRows = 20,
    double LearningRate = 0.015,
    double ClipGain = 0.25,
    bool MeanOfPeaks = false,
    double Subsample = 1,
    double FeatureFraction = 1,
    int Bags = 1
);

/// <summary>The validation error in percent of the network (blended), the mix and the trees alone; and the mix's
/// error cross-fitted on the validation windows (shares fitted on one half of the athletes, scored on the other, both
/// ways), with and without the mean of peaks, which does not flatter the mix as the in-sample error does.</summary>
public sealed record TreeValidation(
    double Network,
    double Mix,
    double Trees,
    int Windows,
    double? CrossFitted = null,
    double? CrossFittedWithMean = null
);
