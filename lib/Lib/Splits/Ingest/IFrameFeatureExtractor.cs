namespace Lib.Splits.Ingest;

/// <summary>
/// Turns decoded video frames (8-bit RGB, row-major) into one feature vector each. Implementations:
/// <see cref="ResNet18Features"/> (512 ImageNet features) and <see cref="ThumbnailFeatures"/> (a cheap colour
/// thumbnail for quick runs). Not thread-safe; dispose when done.
/// </summary>
public interface IFrameFeatureExtractor : IDisposable
{
    /// <summary>The extractor's name in cache keys and model cards (<c>resnet18</c>, <c>thumb8x4</c>).</summary>
    string Name { get; }

    /// <summary>Features per frame.</summary>
    int Dimension { get; }

    /// <summary>How many frames <see cref="Extract"/> prefers at once.</summary>
    int BatchSize { get; }

    /// <summary>The features of <paramref name="frames"/>, each <paramref name="width"/>×<paramref name="height"/>×3
    /// RGB bytes.</summary>
    float[][] Extract(IReadOnlyList<byte[]> frames, int width, int height);
}
