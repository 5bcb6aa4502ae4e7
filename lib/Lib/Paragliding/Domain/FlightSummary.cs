namespace Lib.Paragliding.Domain;

/// <summary>
/// One IGC log's summary (a row of <c>lab paragliding igc</c>'s CSV): valid fixes (B records with validity
/// <c>A</c>), first and last valid fix (UTC), maximum GNSS and pressure altitude over valid fixes (m), straight
/// distance (first → last valid fix) and track length (the sum of legs between consecutive valid fixes), km on a
/// 6371.0 km sphere; the XC distances; the flights found (takeoff of the first, landing of the last) and the
/// records left out as malformed.
/// </summary>
public sealed record FlightSummary(
    string File,
    int Fixes,
    DateTime? FirstFixUtc,
    DateTime? LastFixUtc,
    int? MaxGnssAltM,
    int? MaxPressureAltM,
    double StraightKm,
    double TrackKm,
    XcDistances Xc,
    IReadOnlyList<FlightPhase> Flights,
    int InvalidFixes,
    int RejectedRecords
)
{
    /// <summary>The first flight's takeoff, if any flight was found.</summary>
    public DateTime? TakeoffUtc => Flights.Count > 0 ? Flights[0].TakeoffUtc : null;

    /// <summary>The last flight's landing, if any flight was found.</summary>
    public DateTime? LandingUtc => Flights.Count > 0 ? Flights[^1].LandingUtc : null;
}
