using Lib.Track.Domain;
using Lib.Web;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>What one page gave: its kind, how the fetch ended, the rows parsed and skipped, the athletes a roster
/// named.</summary>
/// <param name="Url">The page's TFRRS address.</param>
/// <param name="Kind">What the page was recognised as.</param>
/// <param name="Detail">The list's layout, the athlete's name or the team's name.</param>
/// <param name="Status">How the fetch ended.</param>
/// <param name="Reason">Why the page gave nothing, when it did not (fetch failure, unrecognised page, parse
/// failure).</param>
/// <param name="Rows">Performances parsed from the page.</param>
/// <param name="Skipped">Rows reported instead of parsed.</param>
/// <param name="Athletes">Athletes on the roster (team pages).</param>
public sealed record PageReport(
    string Url,
    PageKind Kind,
    string? Detail,
    FetchStatus Status,
    string? Reason,
    int Rows,
    int Skipped,
    int Athletes
)
{
    /// <summary>Which source served the page: <c>mirror</c>, the site or the page's own host
    /// (<c>https://www.tfrrs.org</c>, <c>http://127.0.0.1:5000</c>), with <c> (cached)</c> when the response cache
    /// answered.</summary>
    public string? Source { get; init; }

    /// <summary>True when the page was fetched and understood.</summary>
    public bool Ok => Status == FetchStatus.Ok && Reason is null;
}

/// <summary>
/// A scrape's outcome: every performance in page order (pages in the order asked, then the roster's
/// athletes), the skipped rows with page and reason, one report per page, the parsed athlete pages and
/// rosters, and the fetcher's counters.
/// </summary>
public sealed record ScrapeResult(
    IReadOnlyList<Performance> Rows,
    IReadOnlyList<RejectedRecord> Skipped,
    IReadOnlyList<PageReport> Pages,
    IReadOnlyList<AthletePage> AthletePages,
    IReadOnlyList<TeamRoster> Rosters,
    FetcherStats Stats
)
{
    /// <summary>Pages that gave nothing (not fetched, not recognised, not parsed).</summary>
    public IReadOnlyList<PageReport> Failed => Pages.Where(p => !p.Ok).ToList();
}
