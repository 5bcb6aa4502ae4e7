using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>
/// A least-squares line through the input seasons' peaks with the target's label, by season year, read at the target's
/// year (one such season: its peak).
/// </summary>
public sealed class LinearTrend : WindowBaseline
{
    /// <inheritdoc />
    public override string Name => "linear trend";

    /// <inheritdoc />
    public override double Predict(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var same = window.Inputs.Where(s => s.Season.Label == window.Label).ToList();
        if (same.Count == 1) return same[0].Peak;
        double meanX = same.Average(s => s.Season.Year), meanY = same.Average(s => s.Peak);
        double sxy = same.Sum(s => (s.Season.Year - meanX) * (s.Peak - meanY)), sxx = same.Sum(s => (s.Season.Year - meanX) * (s.Season.Year - meanX));
        return meanY + sxy / sxx * (window.TargetSeason.Season.Year - meanX);
    }
}
