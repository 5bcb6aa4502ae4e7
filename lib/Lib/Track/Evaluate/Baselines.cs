using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>The baselines every track model is scored against, each from exactly the window the model reads, in the
/// order tables list them.</summary>
public static class Baselines
{
    /// <summary>The peak of the most recent input season with the target's label: "this outdoor season will be as good
    /// as the last outdoor one".</summary>
    public static WindowBaseline LastSameLabelPeak { get; } = new("last same-label peak", w => w.LastSameLabel.Peak);

    /// <summary>The peak of the most recent input season, whatever its label.</summary>
    public static WindowBaseline LastPeak { get; } = new("last peak (any label)", w => w.Last.Peak);

    /// <summary>The mean of the input seasons' peaks (any label).</summary>
    public static WindowBaseline MeanOfPeaks { get; } = new("mean of past peaks", w => w.Inputs.Average(s => s.Peak));

    /// <summary>
    /// A least-squares line through the input seasons' peaks with the target's label, by season year, read at the
    /// target's
    /// year (one such season: its peak).
    /// </summary>
    public static WindowBaseline LinearTrend { get; } = new("linear trend", Trend);

    /// <summary>Every baseline, in the order tables list them.</summary>
    public static IReadOnlyList<WindowBaseline> All { get; } = [LastSameLabelPeak, LastPeak, MeanOfPeaks, LinearTrend];

    private static double Trend(Window window)
    {
        var same = window.Inputs.Where(s => s.Season.Label == window.Label).ToList();
        if (same.Count == 1)
            return same[0].Peak;
        double meanX = same.Average(s => s.Season.Year),
            meanY = same.Average(s => s.Peak);
        double sxy = same.Sum(s => (s.Season.Year - meanX) * (s.Peak - meanY)),
            sxx = same.Sum(s => (s.Season.Year - meanX) * (s.Season.Year - meanX));
        return meanY + sxy / sxx * (window.TargetSeason.Season.Year - meanX);
    }
}
