using Lib.Workflow;

namespace Lib.Paragliding.Scrape;

/// <summary>
/// What the XContest scrape gave: the parsed pages, the pages that failed (address and reason), the site that
/// answered (null when files were read directly), whether it was the loopback mirror, and the CSV written.
/// </summary>
public sealed record XContestScrapeOutcome(
    IReadOnlyList<XContestPage> Pages,
    IReadOnlyList<RejectedRecord> Failed,
    Uri? Site,
    bool FromMirror,
    string? Written
)
{
    /// <summary>Every row left out, of every page.</summary>
    public IReadOnlyList<RejectedRecord> Rejected => [.. Pages.SelectMany(p => p.Rejected)];
}
