namespace Lib.Track.Cache;

/// <summary>What the cache step reads and where it caches: the options of <c>lab track train/evaluate</c> and the
/// notebooks' parameters.</summary>
/// <param name="DataDirectory">The folder of bundled data (the repository's <c>data/</c>, holding
/// <c>tfrrs/</c>).</param>
/// <param name="CacheDirectory">The derived-data cache folder (<c>artifacts/cache</c>).</param>
/// <param name="ScrapedTable">A table written by the scrape step (<c>performances.parquet</c>), or null.</param>
/// <param name="SeasonBestLists">The NCAA 2012–2019 season-best lists (<c>.csv.gz</c>, not bundled), or null.</param>
/// <param name="Force">Rebuild even when the sources are unchanged.</param>
public sealed record TrackCacheRequest(
    string DataDirectory,
    string CacheDirectory,
    string? ScrapedTable = null,
    string? SeasonBestLists = null,
    bool Force = false
)
{
    /// <summary>
    /// The defaults under a repository root: <c>data/</c>, <c>artifacts/cache</c>, and the scrape step's table
    /// (<c>artifacts/track/scrape/performances.parquet</c>) when <paramref name="withScrapedTable"/> and it exists.
    /// </summary>
    public static TrackCacheRequest Under(string root, bool withScrapedTable = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var scraped = Path.Combine(root, "artifacts", "track", "scrape", "performances.parquet");
        return new TrackCacheRequest(
            Path.Combine(root, "data"),
            Path.Combine(root, "artifacts", "cache"),
            withScrapedTable && File.Exists(scraped) ? scraped : null
        );
    }
}
