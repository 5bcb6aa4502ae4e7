using Lib.Track.Domain;
using Lib.Track.Ingest;

namespace Lib.Track.Cache;

/// <summary>
/// Groups performances into athletes' event histories and seasons: valid marks only (DNF, FOUL and the like carry no
/// value),
/// individual events only (relay marks belong to a team, not to one athlete), men's and women's, never a time a marker
/// says was run over another distance (<c>7.20(55)</c> in a 60 m list). Marks are
/// ordered by date (then by their order in the sources); the same value on the same day counts once (a result
/// listed in two files). Histories are ordered by gender, event and athlete key, so ids are stable.
/// </summary>
public static class HistoryBuilder
{
    /// <summary>The histories of <paramref name="rows"/> (rows an ingest adapter accepted).</summary>
    /// <exception cref="ArgumentException">A row lacks the athlete key, name, date or season that accepted rows
    /// carry.</exception>
    public static List<AthleteEventHistory> Build(IEnumerable<Performance> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<(string Key, Gender Gender, string Event), List<Entry>>();
        var order = 0;
        foreach (var row in rows)
        {
            order++;
            if (!row.Mark.IsValid || row.Event.IsRelay || row.Gender == Gender.Mixed)
                continue;
            if (row.Mark.RaceDistance is { } metres && Math.Abs(metres - (row.Event.DistanceMetres ?? 0)) > 0.5)
                continue; // a time over another distance, such as a 55 m time in a 60 m list: not this event's mark
            var entry = Entry.Of(row, order);
            var key = (entry.Key, row.Gender, row.Event.Code);
            if (!groups.TryGetValue(key, out var list))
                groups[key] = list = [];
            list.Add(entry);
        }

        var histories = new List<AthleteEventHistory>(groups.Count);
        foreach (
            var ((key, gender, _), list) in groups
                .OrderBy(g => g.Key.Gender)
                .ThenBy(g => g.Key.Event, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Key, StringComparer.Ordinal)
        )
        {
            list.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Order.CompareTo(b.Order));
            var ev = list[0].Row.Event;
            var seasons = new List<HistorySeason>();
            var marks = new List<MarkPoint>();
            SeasonId? current = null;
            DateOnly? previous = null;
            double? lastValue = null;
            foreach (var e in list)
            {
                var value = e.Row.Mark.Value!.Value;
                if (previous == e.Date && lastValue == value)
                    continue; // one result listed twice
                var season = SeasonId.Of(e.Season, e.Date);
                if (current is { } open && open != season)
                {
                    seasons.Add(Close(open, marks, ev));
                    marks = [];
                }
                current = season;
                var days = previous is { } p ? e.Date.DayNumber - p.DayNumber : 0;
                marks.Add(new MarkPoint(e.Date, value, days, e.Row.Wind?.Value));
                previous = e.Date;
                lastValue = value;
            }
            if (current is { } last)
                seasons.Add(Close(last, marks, ev));
            // A season interrupted by another (an outdoor-only event run in March, say) is merged back into one.
            seasons = Merge(seasons, ev);
            histories.Add(new AthleteEventHistory(histories.Count, key, list[0].Athlete, gender, ev, seasons));
        }
        return histories;
    }

    /// <summary>An accepted row with the fields histories need, checked present, and its order among the
    /// rows.</summary>
    private readonly record struct Entry(
        Performance Row,
        string Key,
        string Athlete,
        DateOnly Date,
        Season Season,
        int Order
    )
    {
        public static Entry Of(Performance row, int order) =>
            row is { AthleteKey: { } key, Athlete: { } athlete, Date: { } date, Season: { } season }
                ? new Entry(row, key, athlete, date, season, order)
                : throw new ArgumentException(
                    $"{row.File}, line {row.Line}: histories are built from rows an ingest adapter accepted, "
                        + "which carry an athlete key, a name, a date and a season; this row lacks one.",
                    nameof(row)
                );
    }

    private static HistorySeason Close(SeasonId season, List<MarkPoint> marks, EventInfo ev)
    {
        var peak = marks[0].Value;
        foreach (var m in marks)
            if (ev.IsBetter(m.Value, peak))
                peak = m.Value;
        return new HistorySeason(season, peak, marks);
    }

    private static List<HistorySeason> Merge(List<HistorySeason> seasons, EventInfo ev)
    {
        if (seasons.Select(s => s.Season).Distinct().Count() == seasons.Count)
            return seasons;
        return seasons
            .GroupBy(s => s.Season)
            .Select(g => Close(g.Key, g.SelectMany(s => s.Marks).OrderBy(m => m.Date).ToList(), ev))
            .OrderBy(s => s.Season.Order)
            .ToList();
    }
}
