namespace Lib.Track.Scrape;

/// <summary>
/// What the scrape step reads and writes: the pages (TFRRS addresses), where to fetch them from (a loopback mirror of
/// the
/// saved pages, or a site such as https://www.tfrrs.org), the output folder and the fetcher's cache. The options of
/// <c>lab track scrape</c> and the parameters of <c>notebooks/track/01-scrape.dib</c>.
/// </summary>
public sealed record TrackScrapeRequest
{
    /// <summary>The pages, by their TFRRS addresses (<see cref="TrackScraper.Canonical"/>).</summary>
    public required IReadOnlyList<Uri> Addresses { get; init; }

    /// <summary>The folder <c>performances.parquet</c> (and <c>.csv</c>) and <c>skipped.csv</c> are written
    /// into.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The folder of saved pages the loopback mirror serves when <see cref="BaseUrl"/> is empty
    /// (<c>data/tfrrs/html</c>).</summary>
    public required string MirrorFolder { get; init; }

    /// <summary>The site to fetch from (<c>https://www.tfrrs.org</c>, politely); null or empty: the loopback mirror of
    /// <see cref="MirrorFolder"/>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The response cache folder; null: the live site is cached in <see cref="LiveCacheDirectory"/> and the
    /// mirror is read uncached.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The cache for the live site when <see cref="CacheDirectory"/> is not given
    /// (<c>artifacts/cache/tfrrs</c>); null: none.</summary>
    public string? LiveCacheDirectory { get; init; }

    /// <summary>Also write <c>performances.csv</c>.</summary>
    public bool Csv { get; init; }

    /// <summary>Also scrape the athlete pages that team rosters link.</summary>
    public bool FollowRosters { get; init; }

    /// <summary>Refetch pages the cache already holds.</summary>
    public bool Refresh { get; init; }

    /// <summary>Receives one line per page fetched (the fetcher's log), or null.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The repository's defaults under <paramref name="root"/>: the mirror of <c>data/tfrrs/html</c>, output
    /// to <c>artifacts/track/scrape</c>, the live site cached in <c>artifacts/cache/tfrrs</c>.</summary>
    public static TrackScrapeRequest Under(string root, IReadOnlyList<Uri> addresses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return new TrackScrapeRequest
        {
            Addresses = addresses,
            OutDirectory = Path.Combine(root, "artifacts", "track", "scrape"),
            MirrorFolder = Path.Combine(root, "data", "tfrrs", "html"),
            LiveCacheDirectory = Path.Combine(root, "artifacts", "cache", "tfrrs"),
        };
    }
}
