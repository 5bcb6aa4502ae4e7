namespace Lib.Paragliding.Domain;

/// <summary>
/// One flight found in a log: takeoff and landing (UTC) with the indices of those fixes among the log's valid
/// fixes; <see cref="EndedAirborne"/> when the log stops before a landing (then the landing is the last fix).
/// </summary>
public sealed record FlightPhase(
    DateTime TakeoffUtc,
    DateTime LandingUtc,
    int TakeoffIndex,
    int LandingIndex,
    bool EndedAirborne
)
{
    /// <summary>Time in the air.</summary>
    public TimeSpan Duration => LandingUtc - TakeoffUtc;
}
