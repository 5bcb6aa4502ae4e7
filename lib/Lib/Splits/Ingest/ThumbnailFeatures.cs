using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// The cheap feature: the frame averaged down to a tiny RGB thumbnail (OpenCV's area resize; 8×4 by default, so 96
/// values), scaled to 0–1. Enough to tell places of a synthetic strip apart in smoke runs; no network.
/// </summary>
public sealed class ThumbnailFeatures(int width = 8, int height = 4) : IFrameFeatureExtractor
{
    /// <inheritdoc />
    public string Name => $"thumb{width}x{height}";

    /// <inheritdoc />
    public int Dimension => width * height * 3;

    /// <inheritdoc />
    public int BatchSize => 64;

    /// <inheritdoc />
    public float[][] Extract(IReadOnlyList<byte[]> frames, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var result = new float[frames.Count][];
        using var small = new Mat();
        for (int i = 0; i < frames.Count; i++)
        {
            using var frame = Mat.FromPixelData(frameHeight, frameWidth, MatType.CV_8UC3, frames[i]);
            Cv2.Resize(frame, small, new Size(width, height), 0, 0, InterpolationFlags.Area);
            small.GetArray(out Vec3b[] pixels);
            var v = new float[Dimension];
            for (int p = 0; p < pixels.Length; p++)
            for (int c = 0; c < 3; c++)
                v[p * 3 + c] = pixels[p][c] / 255f;
            result[i] = v;
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose() { }
}
