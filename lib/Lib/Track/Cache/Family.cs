using Lib.Track.Events;
using Lib.Track.Scrape;

namespace Lib.Track.Cache;

/// <summary>One valid mark of a family: its date, value (seconds, metres or points), the days since the family's previous mark (0 for the first) and the wind.</summary>
public readonly record struct MarkPoint(DateOnly Date, double Value, int DaysSincePrevious, double? Wind = null);

/// <summary>A family's season: which season, its peak (the best mark, by the event's direction) and its marks in date order.</summary>
public sealed record FamilySeason(SeasonId Season, double Peak, IReadOnlyList<MarkPoint> Marks);

/// <summary>
/// A family: one athlete's marks in one event (athlete × gender × event), grouped into seasons in time order.
/// The unit the model forecasts: the next season's peak of a family from its past seasons.
/// </summary>
/// <param name="Id">The family's position in the cache (stable for unchanged inputs).</param>
/// <param name="AthleteKey">The athlete's key within the source (see <see cref="Performance.AthleteKey"/>).</param>
/// <param name="Athlete">The athlete's name as printed.</param>
/// <param name="Gender">Men's or women's.</param>
/// <param name="Event">The event.</param>
/// <param name="Seasons">The seasons with at least one valid mark, in time order.</param>
public sealed record Family(int Id, string AthleteKey, string Athlete, Gender Gender, EventInfo Event, IReadOnlyList<FamilySeason> Seasons)
{
    /// <inheritdoc />
    public override string ToString() => $"{Athlete} ({Gender.Code()}) {Event.Code}: {string.Join(", ", Seasons.Select(s => $"{s.Season} {Marks.Mark.Format(s.Peak, Event.Unit)}"))}";
}
