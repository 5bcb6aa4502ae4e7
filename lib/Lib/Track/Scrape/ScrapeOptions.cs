namespace Lib.Track.Scrape;

/// <summary>How <see cref="TrackScraper"/> runs.</summary>
public sealed record ScrapeOptions
{
    /// <summary>Also fetch and parse the athlete pages that team rosters link (each once).</summary>
    public bool FollowRosters { get; init; }

    /// <summary>Refetch pages even when the fetcher's cache holds them.</summary>
    public bool Refresh { get; init; }
}
