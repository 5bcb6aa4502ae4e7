namespace Lib.Paragliding.Domain;

/// <summary>
/// One value of a weather profile (a row of <c>lab paragliding grib</c>'s <c>profiles.csv</c>): the site and its
/// position, the grid point used (nearest; in the site's longitude convention), the Glideator variable name, the
/// value in the file's units, and the message's valid time (UTC).
/// </summary>
public sealed record WeatherProfileRow(
    string SiteId,
    double Lat,
    double Lon,
    double GridLat,
    double GridLon,
    string Variable,
    double Value,
    DateTime ValidTimeUtc
);
