namespace Lib.Paragliding.Domain;

/// <summary>
/// One row of an XContest flight list, as the page shows it, without the pilot's name or account: the page it came
/// from, the flight id (<c>tr#flight-N</c>), the date (<c>dd.mm.yy</c>) and local start time, the UTC offset shown
/// (may be empty), the UTC start time (from the detail link, which is in UTC), the submission time as shown, the
/// pilot's country flag (may be empty), the launch (name, country, longitude and latitude from the search link), the
/// route type (code <c>disc-vp</c>/<c>disc-ft</c>/<c>disc-pt</c> and its title in the page's language), distance
/// (km) and points as printed, airtime (<c>h : mm</c>), the glider, its category class (<c>cat-B</c>) and hidden class
/// letter. Decimals keep the digits the page prints.
/// </summary>
public sealed record XContestFlight(
    string SourceFile,
    long FlightId,
    string Date,
    string StartTimeLocal,
    string UtcOffset,
    DateTime StartTimeUtc,
    string Submitted,
    string PilotCountry,
    string LaunchName,
    string LaunchCountry,
    decimal LaunchLon,
    decimal LaunchLat,
    string RouteTypeCode,
    string RouteType,
    decimal DistanceKm,
    decimal Points,
    string Airtime,
    string Glider,
    string GliderCategory,
    string GliderClass
);
