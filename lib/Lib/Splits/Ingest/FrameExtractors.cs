namespace Lib.Splits.Ingest;

/// <summary>The frame feature extractors by name: <c>resnet18</c> (default) and <c>thumb8x4</c> (quick).</summary>
public static class FrameExtractors
{
    /// <summary>The ResNet-18 features' name.</summary>
    public const string ResNet18 = "resnet18";

    /// <summary>The colour thumbnail's name.</summary>
    public const string Thumbnail = "thumb8x4";

    /// <summary>The names <see cref="Create"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = [ResNet18, Thumbnail];

    /// <summary>A new extractor called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">An unknown name (lists the known ones).</exception>
    public static IFrameFeatureExtractor Create(string name) =>
        name switch
        {
            ResNet18 => new ResNet18Features(),
            Thumbnail => new ThumbnailFeatures(),
            _ => throw new ArgumentException(
                $"Unknown frame features '{name}' (expected one of {string.Join(", ", Names)}).",
                nameof(name)
            ),
        };
}
