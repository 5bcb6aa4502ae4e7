namespace Lib.Paragliding.Domain;

/// <summary>
/// One item of an XContest RSS feed (titles <c>dd.mm.yy [km :: type] pilot</c>), without the pilot: the date as
/// shown, the distance, the route type (<c>free_flight</c>, <c>free_triangle</c>, <c>fai_triangle</c>), the UTC start
/// time (from the link) and the publication date as written.
/// </summary>
public sealed record XContestRssItem(
    string Date,
    decimal DistanceKm,
    string RouteType,
    DateTime StartTimeUtc,
    string PubDate
);
