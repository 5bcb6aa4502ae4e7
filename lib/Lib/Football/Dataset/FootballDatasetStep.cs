using Lib.Display;
using Lib.Football.Cache;
using Lib.Football.Domain;
using Lib.Football.Ingest;

namespace Lib.Football.Dataset;

/// <summary>
/// The dataset step, the one orchestration the model rooms, <c>lab football</c>'s training verbs and
/// <c>notebooks/football/02-cache.dib</c> onwards call (<see cref="Run"/>): the cached ingest
/// (<see cref="FootballCacheStep"/>), then every play's tracks normalised to attack left to right
/// (<see cref="TrackBuilder"/>), the tight-window labels (<see cref="CoverageLabel"/>), and the samples
/// (<see cref="SampleBuilder"/>) with their part of the split by game (<see cref="GameSplit"/>). Plays of the BDB
/// sample are tracked and their man/zone labels reported, but they are not cut into samples (their tracking ends just
/// after the pass, and the source asks that they be used for tests, not training).
/// </summary>
public static class FootballDatasetStep
{
    /// <summary>Builds the dataset of <paramref name="dataFolder"/> through the cache at
    /// <paramref name="cacheRoot"/>.</summary>
    /// <param name="dataFolder">The football data folder (<c>data/football</c>).</param>
    /// <param name="cacheRoot">The derived-data cache (<c>artifacts/cache</c>).</param>
    /// <param name="options">How plays are cut (default: 10 observed, 20 forecast, every 5 frames, pass and
    /// rush).</param>
    /// <param name="split">The split by game (default 70/15/15, seed 16).</param>
    /// <param name="selection">The seasons and weeks read.</param>
    /// <param name="progress">Reports the steps.</param>
    public static FootballData Run(
        string dataFolder,
        string cacheRoot,
        SampleOptions? options = null,
        GameSplit? split = null,
        TrackingSelection? selection = null,
        IProgressReporter? progress = null
    )
    {
        var task = progress?.Start("football dataset", 3);
        task?.SetStatus("ingest (cached)");
        var cached = FootballCacheStep.Run(dataFolder, cacheRoot, selection);
        task?.Advance();
        var data = Build(cached, options, split, task);
        task?.Complete();
        return data;
    }

    /// <summary>The dataset of an already cached table.</summary>
    public static FootballData Build(
        CachedTracking cached,
        SampleOptions? options = null,
        GameSplit? split = null,
        IProgressTask? task = null
    )
    {
        ArgumentNullException.ThrowIfNull(cached);
        options ??= new SampleOptions();
        split ??= new GameSplit();
        task?.SetStatus("tracks");
        var tracks = TrackBuilder.Read(cached.TablePath, cached.Plays);
        task?.Advance();
        task?.SetStatus("samples");
        var coverage = new List<CoverageLabel>();
        var samples = new List<TrajectorySample>();
        var plays = tracks.Values.OrderBy(t => t.Play.Key).ToList();
        int cutPlays = 0;
        foreach (var t in plays)
        {
            var label = CoverageLabel.Of(t);
            if (label is not null && t.Play.Format != TrackingFormat.Bdb2023)
                coverage.Add(label);
            if (t.Play.Format == TrackingFormat.Bdb2023 || (options.MaxPlays is { } max && cutPlays >= max))
                continue;
            int before = samples.Count;
            samples.AddRange(SampleBuilder.Samples(t, options, split.Of(t.Play.GameId), label));
            if (samples.Count > before)
                cutPlays++;
        }
        task?.Advance();
        return new FootballData(cached, tracks, coverage, samples, split, options);
    }
}
