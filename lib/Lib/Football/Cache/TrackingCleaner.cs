using Lib.Football.Domain;

namespace Lib.Football.Cache;

/// <summary>
/// The cleaning the cached table gets: a repeated (play, frame, entity) key keeps its first row's position and the
/// union of the repeated rows' events (<c>pass_outcome_caught;first_contact</c>), as the data's README advises; the
/// rows are sorted by game, play, frame and entity (the ball last). Nothing else changes: rows off the field, holes in
/// tracks and a fast ball stay, reported by the validator.
/// </summary>
public static class TrackingCleaner
{
    /// <summary>The cleaned rows of <paramref name="rows"/>.</summary>
    public static List<TrackingRow> Clean(IEnumerable<TrackingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = new Dictionary<(PlayKey, int, int), int>();
        var kept = new List<TrackingRow>();
        foreach (var r in rows)
        {
            var key = (r.Play, r.FrameId, r.NflId ?? -1);
            if (!first.TryGetValue(key, out var at))
            {
                first[key] = kept.Count;
                kept.Add(r);
                continue;
            }
            var earlier = kept[at];
            if (r.Event.Length > 0 && !earlier.Event.Split(';').Contains(r.Event))
                kept[at] = earlier with { Event = earlier.Event.Length == 0 ? r.Event : $"{earlier.Event};{r.Event}" };
        }
        return
        [
            .. kept.OrderBy(r => r.GameId)
                .ThenBy(r => r.PlayId)
                .ThenBy(r => r.FrameId)
                .ThenBy(r => r.IsBall)
                .ThenBy(r => r.NflId ?? 0),
        ];
    }
}
