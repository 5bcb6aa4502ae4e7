namespace Lib.Splits.Ingest;

/// <summary>
/// What ffprobe says of a video's first video stream: its size, frame count (<c>nb_frames</c>, or the frames counted
/// when the container does not say), rate as the exact fraction (<c>30000/1001</c>) and duration.
/// </summary>
public sealed record VideoInfo(
    string Path,
    int Width,
    int Height,
    int FrameCount,
    int RateNumerator,
    int RateDenominator,
    double DurationSeconds,
    string Codec
)
{
    /// <summary>Frames per second.</summary>
    public double FrameRate => RateNumerator / (double)RateDenominator;

    /// <summary>The rate as ffprobe writes it, <c>30000/1001</c>.</summary>
    public string RateText => $"{RateNumerator}/{RateDenominator}";
}
