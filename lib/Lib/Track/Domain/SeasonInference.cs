namespace Lib.Track.Domain;

/// <summary>
/// The season of a performance when the page does not say: from the event when it is held in one
/// season only (60 m is indoor, the steeplechase outdoor, 8k cross country), else from the date —
/// track marks from 1 November to 15 March are indoor, from 16 March to 31 October outdoor.
/// </summary>
public static class SeasonInference
{
    /// <summary>The season of <paramref name="ev"/> on <paramref name="date"/>; null when neither decides.</summary>
    public static Season? Infer(EventInfo ev, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.Seasons.Single() is { } only)
            return only;
        if (date is not { } d)
            return null;
        var indoor = d.Month is 11 or 12 or 1 or 2 || (d.Month == 3 && d.Day <= 15);
        var season = indoor ? Season.Indoor : Season.Outdoor;
        return ev.Seasons.HasFlag(season.AsSet()) ? season : null;
    }

    /// <summary>
    /// The season a whole page implies through its single-season events (a performance list covers
    /// one season): the one season they agree on, or null when they name none or disagree.
    /// </summary>
    public static Season? FromEvents(IEnumerable<EventInfo> events)
    {
        var seen = Seasons.None;
        foreach (var ev in events)
            if (ev.Seasons.Single() is { } only)
                seen |= only.AsSet();
        return seen.Single();
    }
}
