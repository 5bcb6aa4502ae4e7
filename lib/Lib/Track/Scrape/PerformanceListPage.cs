using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>A parsed performance list: its layout and title, the season it covers, its rows and the rows left out with
/// why.</summary>
public sealed record PerformanceListPage(
    string Url,
    ListLayout Layout,
    string Title,
    Season? Season,
    int Events,
    IReadOnlyList<Performance> Rows,
    IReadOnlyList<RejectedRecord> Skipped
)
{
    /// <summary>Every row the page holds: parsed plus skipped.</summary>
    public int RowsSeen => Rows.Count + Skipped.Count;
}
