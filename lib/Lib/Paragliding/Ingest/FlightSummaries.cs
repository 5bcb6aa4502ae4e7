using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Summaries of IGC logs (<see cref="FlightSummary"/>) and their CSV: <c>file, fixes, first_fix_utc, last_fix_utc,
/// max_gnss_alt_m, max_pressure_alt_m, straight_km, track_km</c> as the reference summaries write them (ISO UTC times
/// <c>2019-03-09T11:23:18Z</c>, whole metres, km with 4 decimals), then <c>free_km, flat_triangle_km,
/// fai_triangle_km</c> (3 decimals), <c>flights, takeoff_utc, landing_utc, invalid_fixes, rejected_records</c>.
/// </summary>
public static class FlightSummaries
{
    /// <summary>The CSV's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "file",
        "fixes",
        "first_fix_utc",
        "last_fix_utc",
        "max_gnss_alt_m",
        "max_pressure_alt_m",
        "straight_km",
        "track_km",
        "free_km",
        "flat_triangle_km",
        "fai_triangle_km",
        "flights",
        "takeoff_utc",
        "landing_utc",
        "invalid_fixes",
        "rejected_records",
    ];

    /// <summary>Summarises a log: counts and maxima over valid fixes, distances, flights.</summary>
    public static FlightSummary Summarise(IgcLog log, FlightDetector? detector = null, XcOptimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var valid = log.ValidFixes;
        double track = 0;
        for (int i = 1; i < valid.Count; i++)
            track += GreatCircle.Km(valid[i - 1], valid[i]);
        var xc = (optimizer ?? new XcOptimizer()).Optimise(valid);
        return new FlightSummary(
            log.File,
            valid.Count,
            valid.Count > 0 ? valid[0].TimeUtc : null,
            valid.Count > 0 ? valid[^1].TimeUtc : null,
            valid.Count > 0 ? valid.Max(f => f.GnssAltM) : null,
            valid.Count > 0 ? valid.Max(f => f.PressureAltM) : null,
            xc.StraightKm,
            track,
            xc,
            (detector ?? new FlightDetector()).Detect(valid),
            log.Fixes.Count - valid.Count,
            log.Rejected.Count
        );
    }

    /// <summary>A summary's CSV fields, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<string> Fields(FlightSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            s.File,
            I(s.Fixes),
            Utc(s.FirstFixUtc),
            Utc(s.LastFixUtc),
            s.MaxGnssAltM is int g ? I(g) : "",
            s.MaxPressureAltM is int p ? I(p) : "",
            s.StraightKm.ToString("0.0000", CultureInfo.InvariantCulture),
            s.TrackKm.ToString("0.0000", CultureInfo.InvariantCulture),
            s.Xc.FreeKm.ToString("0.000", CultureInfo.InvariantCulture),
            s.Xc.FlatTriangleKm.ToString("0.000", CultureInfo.InvariantCulture),
            s.Xc.FaiTriangleKm.ToString("0.000", CultureInfo.InvariantCulture),
            I(s.Flights.Count),
            Utc(s.TakeoffUtc),
            Utc(s.LandingUtc),
            I(s.InvalidFixes),
            I(s.RejectedRecords),
        ];
    }

    /// <summary>Writes summaries as CSV (atomically).</summary>
    public static void WriteCsv(IEnumerable<FlightSummary> summaries, string path) =>
        CsvFile.Write(path, Columns, summaries.Select(Fields));

    /// <summary>An ISO UTC time as the summaries write it, <c>2019-03-09T11:23:18Z</c>; empty for none.</summary>
    public static string Utc(DateTime? t) =>
        t is DateTime v ? v.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
