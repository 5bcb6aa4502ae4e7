using Lib.Display;
using Lib.Splits.Cache;
using Lib.Splits.Domain;
using Lib.Splits.Ingest;

namespace Lib.Splits.Dataset;

/// <summary>
/// Joins annotations and features: each annotated run of a <see cref="VideoConfig"/> with its video's features
/// (from a feature source given the video's path, <c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>), its timecodes
/// turned into frame indices at the features' real rate.
/// </summary>
public static class SplitVideos
{
    /// <summary>Every run of <paramref name="config"/> (or of <paramref name="tracks"/>) with its features.</summary>
    /// <exception cref="FileNotFoundException">A run's video is missing.</exception>
    /// <exception cref="ArgumentException">A run's points fall outside its video.</exception>
    public static List<SplitVideo> Load(
        VideoConfig config,
        string videosFolder,
        Func<string, FeatureSequence> features,
        IReadOnlyCollection<string>? tracks = null,
        IProgressReporter? progress = null
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(features);
        var runs = config.Runs.Where(r => tracks is null || tracks.Contains(r.TrackId)).ToList();
        using var task = progress?.Start("video features", runs.Count);
        var videos = new List<SplitVideo>();
        foreach (var run in runs)
        {
            var path = run.VideoPath(videosFolder);
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"No video for {run.TrackId}/{run.RiderId}: expected {path} (DIR/<track_id>/<rider_id>.mp4).",
                    path
                );
            var f = features(path);
            videos.Add(new SplitVideo(Annotated(run, f), f) { VideoPath = path });
            task?.Advance();
        }
        return videos;
    }

    /// <summary>
    /// The lab's own synthetic tracks (<see cref="SplitsCacheStep.Synthetic"/>: generated into the cache once) with
    /// their truth and features (<paramref name="extractor"/> at <paramref name="rate"/> frames per second, cached
    /// per video). Returns the config too, for the find step.
    /// </summary>
    public static (VideoConfig Config, string Folder, List<SplitVideo> Videos) Synthetic(
        SynthOptions options,
        string cacheRoot,
        string extractor,
        double rate = SplitsCacheStep.DefaultRate,
        IProgressReporter? progress = null
    )
    {
        var synth = SplitsCacheStep.Synthetic(options, cacheRoot, progress);
        var config = VideoConfigYaml.Read(synth.ConfigPath);
        var videos = Load(
            config,
            synth.Folder,
            FeatureSource(cacheRoot, extractor, rate, progress),
            progress: progress
        );
        return (config, synth.Folder, videos);
    }

    /// <summary>The feature source of the derived-data cache: a video's path → its features.</summary>
    public static Func<string, FeatureSequence> FeatureSource(
        string cacheRoot,
        string extractor,
        double rate = SplitsCacheStep.DefaultRate,
        IProgressReporter? progress = null
    ) => path => FeatureSequence.Of(SplitsCacheStep.Features(path, cacheRoot, rate, extractor, progress));

    /// <summary>A run's points as frame indices of <paramref name="features"/>.</summary>
    /// <exception cref="ArgumentException">A point falls outside the video, naming the run.</exception>
    public static RunSplits Annotated(AnnotatedRun run, FeatureSequence features)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(features);
        return new RunSplits(run.TrackId, run.RiderId, run.FrameIndices(features.Fps), features.FrameCount)
        {
            Positions = [.. run.Timecodes.Select(t => t.TotalSeconds * features.Fps)],
        };
    }
}
