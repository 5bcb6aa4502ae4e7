namespace Lib.Splits.Ingest;

/// <summary>A short occlusion (dust, shade; recipe step 10): <paramref name="Length"/> frames from
/// <paramref name="Start"/>.</summary>
public readonly record struct Occlusion(int Start, int Length)
{
    /// <summary>The last occluded frame.</summary>
    public int End => Start + Length - 1;

    /// <summary>The strength e = sin(π(m + 1)/(n + 1)) at frame <paramref name="frame"/>, 0 outside.</summary>
    public double Strength(int frame) =>
        frame < Start || frame > End ? 0 : Math.Sin(Math.PI * (frame - Start + 1) / (Length + 1));
}
