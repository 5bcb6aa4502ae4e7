namespace Lib.Track.Evaluate;

/// <summary>The baselines every track model is scored against, in the order tables list them.</summary>
public static class Baselines
{
    /// <summary>The last same-label peak.</summary>
    public static WindowBaseline LastSameLabelPeak { get; } = new LastSameLabelPeak();

    /// <summary>The last peak of any label.</summary>
    public static WindowBaseline LastPeak { get; } = new LastPeak();

    /// <summary>The mean of the window's peaks.</summary>
    public static WindowBaseline MeanOfPeaks { get; } = new MeanOfPeaks();

    /// <summary>The linear trend of the same-label peaks.</summary>
    public static WindowBaseline LinearTrend { get; } = new LinearTrend();

    /// <summary>Every baseline, in the order tables list them.</summary>
    public static IReadOnlyList<WindowBaseline> All { get; } = [LastSameLabelPeak, LastPeak, MeanOfPeaks, LinearTrend];
}
