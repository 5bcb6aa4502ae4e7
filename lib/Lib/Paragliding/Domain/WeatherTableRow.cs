namespace Lib.Paragliding.Domain;

/// <summary>
/// One value of the weather table the model takes (<c>--weather FILE</c>): a site, a day and an hour (UTC, the GRIB
/// message's valid time), a Glideator variable and its value in the GRIB file's units.
/// </summary>
public sealed record WeatherTableRow(string SiteId, DateOnly Date, int Hour, string Variable, double Value);
