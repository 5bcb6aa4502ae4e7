using Lib.Display;
using Lib.Splits.Ingest;
using Lib.Storage;

namespace Lib.Splits.Cache;

/// <summary>
/// The cache room's step: the split timer's derived data in the derived-data cache. <see cref="Synthetic"/> is the
/// lab's own synthetic data set (step <c>splits-synth-&lt;tracks&gt;x&lt;riders&gt;-seed&lt;S&gt;</c>, keyed by the
/// recipe's version, the seed and the photos and timing files' contents); <see cref="Features"/> a video's
/// per-frame features (<see cref="FeatureCache"/>); <see cref="Videos"/> every video of a folder
/// (<c>lab splits videos --from DIR</c>).
/// </summary>
public static class SplitsCacheStep
{
    /// <summary>The default feature rate, frames per second.</summary>
    public const double DefaultRate = 8;

    /// <summary>
    /// The synthetic data set of <paramref name="options"/>, generated into the cache under
    /// <paramref name="cacheRoot"/> the first time (or when the recipe, seed, photos or timing changed) and reused
    /// after.
    /// </summary>
    public static SyntheticVideos Synthetic(
        SynthOptions options,
        string cacheRoot,
        IProgressReporter? progress = null,
        bool force = false
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataset = SyntheticDataset.Plan(options);
        var step = new CacheStep($"splits-synth-{options.Tracks}x{options.Riders}-seed{options.Seed}")
        {
            CodeVersion = SynthRecipe.Version,
            Inputs = [.. options.PhotoFiles(), options.TimingFile],
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["tracks"] = options.Tracks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["riders"] = options.Riders.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["seed"] = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Outputs = [.. dataset.Files],
        };
        var result = new DerivedCache(cacheRoot).Run(step, build => dataset.Write(build.Directory, progress), force);
        return new SyntheticVideos(result.Directory, dataset, result);
    }

    /// <summary>The features of one video (see <see cref="FeatureCache.Load"/>).</summary>
    public static VideoFeatures Features(
        string videoPath,
        string cacheRoot,
        double rate = DefaultRate,
        string extractor = FrameExtractors.ResNet18,
        IProgressReporter? progress = null,
        bool force = false
    ) => FeatureCache.Load(videoPath, rate, extractor, cacheRoot, progress, force);

    /// <summary>
    /// Every video <c>&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c> under <paramref name="folder"/>, probed and featurised
    /// (cached per video), in track then rider order.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no video laid out so, or a video does not decode
    /// (naming it).</exception>
    public static IReadOnlyList<VideoEntry> Videos(
        string folder,
        string cacheRoot,
        double rate = DefaultRate,
        string extractor = FrameExtractors.ResNet18,
        IProgressReporter? progress = null
    )
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The videos folder {folder} does not exist.");
        var videos = Directory
            .EnumerateDirectories(folder)
            .Order(StringComparer.Ordinal)
            .SelectMany(track =>
                Directory
                    .EnumerateFiles(track, "*.mp4")
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
            )
            .ToList();
        if (videos.Count == 0)
            throw new InvalidDataException(
                $"{folder}: no videos (expected <track_id>/<rider_id>.mp4 files, such as "
                    + $"{Path.Combine(folder, "leogang_2025", "vali_holl.mp4")})."
            );
        using var task = progress?.Start("videos", videos.Count, "videos");
        var entries = new List<VideoEntry>();
        foreach (var video in videos)
        {
            var features = Features(video, cacheRoot, rate, extractor, progress);
            entries.Add(
                new VideoEntry(
                    Path.GetFileName(Path.GetDirectoryName(video)!),
                    Path.GetFileNameWithoutExtension(video),
                    video,
                    features
                )
            );
            task?.Advance();
        }
        return entries;
    }
}
