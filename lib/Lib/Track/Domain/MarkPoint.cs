namespace Lib.Track.Domain;

/// <summary>
/// One valid mark of an <see cref="AthleteEventHistory"/>: its date, value (seconds, metres or points), the days since
/// the
/// history's previous mark (0 for the first) and the wind.
/// </summary>
public readonly record struct MarkPoint(DateOnly Date, double Value, int DaysSincePrevious, double? Wind = null);
