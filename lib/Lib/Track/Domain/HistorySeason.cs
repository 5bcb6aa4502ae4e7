namespace Lib.Track.Domain;

/// <summary>
/// One season of an <see cref="AthleteEventHistory"/>: which season, its peak (the best mark, by the event's direction)
/// and
/// its marks in date order.
/// </summary>
public sealed record HistorySeason(SeasonId Season, double Peak, IReadOnlyList<MarkPoint> Marks);
