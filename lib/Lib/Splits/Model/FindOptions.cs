namespace Lib.Splits.Model;

/// <summary>How the target video is scanned.</summary>
public sealed record FindOptions
{
    /// <summary>Scan every this many frames, then refine each point found frame by frame within the stride.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Consecutive points are at least this far apart (seconds).</summary>
    public double MinGapSeconds { get; init; } = 1.0;

    /// <summary>The half-width of the window whose softmax share is a point's confidence (seconds).</summary>
    public double ConfidenceWindowSeconds { get; init; } = 0.5;
}
