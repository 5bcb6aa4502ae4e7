using Lib.Splits.Cache;

namespace Lib.Splits.Dataset;

/// <summary>
/// One video's per-frame feature vectors as the samples and the model read them, frame-major:
/// <c>Values[i·Dim + j]</c> is feature j of frame i (the rows a feature extractor writes, ResNet-18's 512 or the cheap
/// colour thumbnail's). <see cref="Fps"/> is the rate of the frames, which turns frame indices into seconds.
/// </summary>
public sealed class FeatureSequence
{
    /// <summary>Wraps <paramref name="values"/> (<paramref name="frameCount"/> × <paramref name="dim"/>, not
    /// copied).</summary>
    /// <exception cref="ArgumentException">The sizes disagree, a size or the rate is not positive, or a value is not
    /// finite.</exception>
    public FeatureSequence(float[] values, int frameCount, int dim, double fps)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (frameCount <= 0 || dim <= 0)
            throw new ArgumentException($"A feature sequence needs frames and features; got {frameCount} × {dim}.");
        if (values.Length != (long)frameCount * dim)
            throw new ArgumentException(
                $"{frameCount} frames × {dim} features need {(long)frameCount * dim} values; got {values.Length}."
            );
        if (!(fps > 0) || double.IsInfinity(fps))
            throw new ArgumentException($"The frame rate must be positive; got {fps}.", nameof(fps));
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException($"Feature {i % dim} of frame {i / dim} is {values[i]}, not finite.");
        Values = values;
        FrameCount = frameCount;
        Dim = dim;
        Fps = fps;
    }

    /// <summary>The values, frame-major.</summary>
    public float[] Values { get; }

    /// <summary>The number of frames.</summary>
    public int FrameCount { get; }

    /// <summary>The number of features per frame.</summary>
    public int Dim { get; }

    /// <summary>The video's frame rate (frames per second).</summary>
    public double Fps { get; }

    /// <summary>Frame <paramref name="index"/>'s features.</summary>
    public ReadOnlySpan<float> Frame(int index) => Values.AsSpan(index * Dim, Dim);

    /// <summary>The cached features of a video (<see cref="VideoFeatures"/>) at their rate.</summary>
    public static FeatureSequence Of(VideoFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new FeatureSequence(features.Flat(), features.Count, features.Dimension, features.Rate);
    }

    /// <summary>A sequence from one row per frame.</summary>
    /// <exception cref="ArgumentException">No rows, or rows of different lengths.</exception>
    public static FeatureSequence FromRows(IReadOnlyList<float[]> rows, double fps)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            throw new ArgumentException("A feature sequence needs at least one frame.", nameof(rows));
        int dim = rows[0].Length;
        var values = new float[(long)rows.Count * dim];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dim)
                throw new ArgumentException($"Frame {i} has {rows[i].Length} features; frame 0 has {dim}.");
            rows[i].CopyTo(values, (long)i * dim);
        }
        return new FeatureSequence(values, rows.Count, dim, fps);
    }
}
