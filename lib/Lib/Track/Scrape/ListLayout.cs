namespace Lib.Track.Scrape;

/// <summary>The three generations of TFRRS performance list pages.</summary>
public enum ListLayout
{
    /// <summary>Today's lists: <c>div.performance-list-row</c> rows whose cells carry <c>data-label</c>.</summary>
    Current,

    /// <summary>The "printable" list: one <c>table#myTable.table-sm</c> per event, no links.</summary>
    Printable,

    /// <summary>Archived lists of 2012–2019: <c>table#myTable.tablesorter</c> with upper-case headings (RANK, ATHLETE,
    /// …).</summary>
    Legacy,
}
