using Lib.Splits.Ingest;
using Lib.Storage;

namespace Lib.Splits.Cache;

/// <summary>A synthetic data set in the derived-data cache: its folder (<c>&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>,
/// <c>video_config.yaml</c>, <c>synth.json</c>), the drawn data set, and the cache's account (rebuilt or reused,
/// why).</summary>
public sealed record SyntheticVideos(string Folder, SyntheticDataset Dataset, CacheResult Step)
{
    /// <summary>The truth, <c>video_config.yaml</c>.</summary>
    public string ConfigPath => Path.Combine(Folder, SyntheticDataset.ConfigFile);

    /// <summary>The video of <paramref name="run"/>.</summary>
    public string VideoPath(SynthRun run) => run.VideoPath(Folder);
}
