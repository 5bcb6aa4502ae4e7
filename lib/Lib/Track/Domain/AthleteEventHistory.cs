namespace Lib.Track.Domain;

/// <summary>
/// An athlete's history in one event (athlete × gender × event): their valid marks grouped into seasons in time order.
/// The unit the model forecasts: the next season's peak of a history from its past seasons. (Not to be confused with an
/// <see cref="EventFamily"/>, the group an event belongs to.)
/// </summary>
/// <param name="Id">The history's position in the cache (stable for unchanged inputs).</param>
/// <param name="AthleteKey">The athlete's key within the source (see <see cref="Performance.AthleteKey"/>).</param>
/// <param name="Athlete">The athlete's name as printed.</param>
/// <param name="Gender">Men's or women's.</param>
/// <param name="Event">The event.</param>
/// <param name="Seasons">The seasons with at least one valid mark, in time order.</param>
public sealed record AthleteEventHistory(
    int Id,
    string AthleteKey,
    string Athlete,
    Gender Gender,
    EventInfo Event,
    IReadOnlyList<HistorySeason> Seasons
)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Athlete} ({Gender.Code()}) {Event.Code}: "
        + $"{string.Join(", ", Seasons.Select(s => $"{s.Season} {Mark.Format(s.Peak, Event.Unit)}"))}";
}
