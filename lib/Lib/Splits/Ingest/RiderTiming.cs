namespace Lib.Splits.Ingest;

/// <summary>
/// A rider's timing (recipe step 6): sector durations d1..d5 in seconds, the frames F0 = 48,
/// Fk = F0 + round(24·(d1 + … + dk)), and the video's length F5 + 48 frames.
/// </summary>
public sealed record RiderTiming
{
    /// <summary>The timing of sectors <paramref name="sectorSeconds"/> (five positive durations).</summary>
    public RiderTiming(IReadOnlyList<double> sectorSeconds)
    {
        ArgumentNullException.ThrowIfNull(sectorSeconds);
        if (sectorSeconds.Count != SynthRecipe.Points - 1 || sectorSeconds.Any(d => !(d > 0)))
            throw new ArgumentException(
                $"Expected {SynthRecipe.Points - 1} positive sector durations, got "
                    + $"[{string.Join(", ", sectorSeconds)}]."
            );
        Sectors = [.. sectorSeconds];
        var f = new int[SynthRecipe.Points];
        f[0] = SynthRecipe.ShotFrames;
        double sum = 0;
        for (int k = 1; k < f.Length; k++)
        {
            sum += sectorSeconds[k - 1];
            f[k] = f[0] + (int)Math.Round(SynthRecipe.Fps * sum, MidpointRounding.AwayFromZero);
        }
        PointFrames = f;
    }

    /// <summary>d1..d5, s.</summary>
    public IReadOnlyList<double> Sectors { get; }

    /// <summary>F0..F5: start, the four splits, finish.</summary>
    public IReadOnlyList<int> PointFrames { get; }

    /// <summary>The number of frames in the video (F5 + 48).</summary>
    public int FrameCount => PointFrames[^1] + SynthRecipe.ShotFrames;
}
