using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>The simple forecasts the model must beat, each computed from exactly the window the model reads.</summary>
public enum Baseline
{
    /// <summary>The peak of the most recent input season with the target's label.</summary>
    LastSameLabelPeak,

    /// <summary>The peak of the most recent input season, whatever its label.</summary>
    LastPeak,

    /// <summary>The mean of the input seasons' peaks (any label).</summary>
    MeanOfPeaks,

    /// <summary>A least-squares line through the input seasons' peaks with the target's label, by season year, read at the target's year (one such season: its peak).</summary>
    LinearTrend,
}

/// <summary>The baselines' forecasts.</summary>
public static class Baselines
{
    /// <summary>Every baseline, in the order tables list them.</summary>
    public static IReadOnlyList<Baseline> All { get; } = Enum.GetValues<Baseline>();

    /// <summary>The baseline's name in tables and charts.</summary>
    public static string Name(this Baseline baseline) => baseline switch
    {
        Baseline.LastSameLabelPeak => "last same-label peak",
        Baseline.LastPeak => "last peak (any label)",
        Baseline.MeanOfPeaks => "mean of past peaks",
        _ => "linear trend",
    };

    /// <summary>The forecast of <paramref name="baseline"/> for <paramref name="window"/>, in the event's unit.</summary>
    public static double Predict(this Baseline baseline, Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        switch (baseline)
        {
            case Baseline.LastSameLabelPeak: return window.LastSameLabel.Peak;
            case Baseline.LastPeak: return window.Last.Peak;
            case Baseline.MeanOfPeaks: return window.Inputs.Average(s => s.Peak);
            default:
                var same = window.Inputs.Where(s => s.Season.Label == window.Label).ToList();
                if (same.Count == 1) return same[0].Peak;
                double meanX = same.Average(s => s.Season.Year), meanY = same.Average(s => s.Peak);
                double sxy = same.Sum(s => (s.Season.Year - meanX) * (s.Peak - meanY)), sxx = same.Sum(s => (s.Season.Year - meanX) * (s.Season.Year - meanX));
                return meanY + sxy / sxx * (window.TargetSeason.Season.Year - meanX);
        }
    }
}
