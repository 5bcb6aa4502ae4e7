using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;

namespace Lib.Paragliding.Scrape;

/// <summary>
/// The CSV of parsed XContest pages: flight lists as <c>source_file, flight_id, date, start_time_local, utc_offset,
/// start_time_utc, submitted, pilot_country, launch_name, launch_country, launch_lon, launch_lat, route_type_code,
/// route_type, distance_km, points, airtime, glider, glider_category, glider_class</c>; RSS items as <c>date,
/// distance_km, route_type, start_time_utc, pub_date</c>. UTC times as <c>2023-08-09T09:42Z</c>; decimals as printed.
/// </summary>
public static class XContestTables
{
    /// <summary>The flight-list columns.</summary>
    public static readonly IReadOnlyList<string> FlightColumns =
    [
        "source_file",
        "flight_id",
        "date",
        "start_time_local",
        "utc_offset",
        "start_time_utc",
        "submitted",
        "pilot_country",
        "launch_name",
        "launch_country",
        "launch_lon",
        "launch_lat",
        "route_type_code",
        "route_type",
        "distance_km",
        "points",
        "airtime",
        "glider",
        "glider_category",
        "glider_class",
    ];

    /// <summary>The RSS columns.</summary>
    public static readonly IReadOnlyList<string> RssColumns =
    [
        "date",
        "distance_km",
        "route_type",
        "start_time_utc",
        "pub_date",
    ];

    /// <summary>A flight's fields in <see cref="FlightColumns"/> order.</summary>
    public static IReadOnlyList<string> Fields(XContestFlight f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            f.SourceFile,
            f.FlightId.ToString(CultureInfo.InvariantCulture),
            f.Date,
            f.StartTimeLocal,
            f.UtcOffset,
            Utc(f.StartTimeUtc),
            f.Submitted,
            f.PilotCountry,
            f.LaunchName,
            f.LaunchCountry,
            Dec(f.LaunchLon),
            Dec(f.LaunchLat),
            f.RouteTypeCode,
            f.RouteType,
            Dec(f.DistanceKm),
            Dec(f.Points),
            f.Airtime,
            f.Glider,
            f.GliderCategory,
            f.GliderClass,
        ];
    }

    /// <summary>An RSS item's fields in <see cref="RssColumns"/> order.</summary>
    public static IReadOnlyList<string> Fields(XContestRssItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return [i.Date, Dec(i.DistanceKm), i.RouteType, Utc(i.StartTimeUtc), i.PubDate];
    }

    /// <summary>Writes the pages' flights, or (when every page is a feed) their items, as CSV atomically.</summary>
    /// <exception cref="ArgumentException">Lists and feeds together (their columns differ).</exception>
    public static void WriteCsv(IReadOnlyList<XContestPage> pages, string path)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Any(p => p.Kind == "rss") && pages.Any(p => p.Kind != "rss"))
            throw new ArgumentException(
                "Flight lists and RSS feeds have different columns: write them to separate files ("
                    + string.Join(", ", pages.Select(p => $"{p.Source}: {p.Kind}"))
                    + ")."
            );
        if (pages.Count > 0 && pages.All(p => p.Kind == "rss"))
            CsvFile.Write(path, RssColumns, pages.SelectMany(p => p.Items).Select(Fields));
        else
            CsvFile.Write(path, FlightColumns, pages.SelectMany(p => p.Flights).Select(Fields));
    }

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Dec(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
