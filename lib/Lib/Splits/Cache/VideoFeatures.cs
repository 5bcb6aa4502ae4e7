using Lib.Splits.Ingest;

namespace Lib.Splits.Cache;

/// <summary>
/// A video's per-frame features: frame k of the resampled video is the picture shown at <c>k / Rate</c> s
/// (<see cref="Times"/>), its features <c>Values[k]</c> (<see cref="IFrameFeatureExtractor.Dimension"/> floats) from
/// the extractor <see cref="Extractor"/>. <see cref="Seconds"/> is how long extraction took when it ran (0 when the
/// cache answered).
/// </summary>
public sealed record VideoFeatures(
    string VideoPath,
    VideoInfo Video,
    string Extractor,
    double Rate,
    float[][] Values,
    bool FromCache,
    double Seconds
)
{
    /// <summary>Frames (rows of <see cref="Values"/>).</summary>
    public int Count => Values.Length;

    /// <summary>Features per frame.</summary>
    public int Dimension => Values.Length == 0 ? 0 : Values[0].Length;

    /// <summary>The time of each frame, s: k / rate.</summary>
    public double[] Times => [.. Enumerable.Range(0, Values.Length).Select(k => k / Rate)];

    /// <summary>Frames featurised per second when extraction ran (decode + network), else NaN.</summary>
    public double FramesPerSecond => FromCache || Seconds <= 0 ? double.NaN : Count / Seconds;

    /// <summary>The values frame-major in one array (<c>[k·Dimension + j]</c>), as the data set's sequences hold
    /// them.</summary>
    public float[] Flat()
    {
        var flat = new float[Count * Dimension];
        for (int k = 0; k < Count; k++)
            Values[k].CopyTo(flat, k * Dimension);
        return flat;
    }

    /// <summary>The index of the frame nearest to <paramref name="seconds"/>.</summary>
    public int IndexAt(double seconds) => Math.Clamp((int)Math.Round(seconds * Rate), 0, Math.Max(0, Count - 1));
}
