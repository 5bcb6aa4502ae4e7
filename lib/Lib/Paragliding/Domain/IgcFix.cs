namespace Lib.Paragliding.Domain;

/// <summary>
/// One B record of an IGC flight log: the UTC time (date from <c>HFDTE</c>, a day added at each midnight rollover),
/// WGS-84 latitude and longitude in degrees (south and west negative), the validity flag (<c>A</c> a 3-D fix,
/// <c>V</c> 2-D or no GNSS), pressure altitude (ICAO ISA, 1013.25 hPa) and GNSS altitude in metres, the I-record
/// extensions by their three-letter code (<c>FXA</c>, <c>SIU</c>, <c>ENL</c> …, raw text), and the line it came from.
/// </summary>
public sealed record IgcFix(
    DateTime TimeUtc,
    double Lat,
    double Lon,
    bool Valid,
    int PressureAltM,
    int GnssAltM,
    IReadOnlyDictionary<string, string> Extensions,
    int Line
);
