using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Scrape;

/// <summary>
/// A parsed XContest page: its source (file name or address), its kind (<c>flight-list</c> or <c>rss</c>), the flights
/// of a list or the items of a feed, and the rows left out (with the row and the reason).
/// </summary>
public sealed record XContestPage(
    string Source,
    string Kind,
    IReadOnlyList<XContestFlight> Flights,
    IReadOnlyList<XContestRssItem> Items,
    IReadOnlyList<RejectedRecord> Rejected
);
