namespace Lib.Football.Ingest;

/// <summary>
/// Which seasons and weeks to read (<c>--seasons</c>, <c>--weeks</c>): empty sets mean all. A row whose week is
/// unknown (BDB) is read only when no weeks are named.
/// </summary>
public sealed record TrackingSelection(IReadOnlySet<int> Seasons, IReadOnlySet<int> Weeks)
{
    /// <summary>Every season and week.</summary>
    public static TrackingSelection All { get; } = new(new HashSet<int>(), new HashSet<int>());

    /// <summary>A selection from lists (null or empty = all).</summary>
    public static TrackingSelection Of(IEnumerable<int>? seasons = null, IEnumerable<int>? weeks = null) =>
        new(new SortedSet<int>(seasons ?? []), new SortedSet<int>(weeks ?? []));

    /// <summary>Whether a row of this season and week is read.</summary>
    public bool Includes(int season, int? week) =>
        (Seasons.Count == 0 || Seasons.Contains(season)) && (Weeks.Count == 0 || (week is { } w && Weeks.Contains(w)));

    /// <summary>The selection as a cache parameter (<c>seasons=2018;weeks=1,2</c>).</summary>
    public override string ToString() =>
        $"seasons={(Seasons.Count == 0 ? "all" : string.Join(",", Seasons))};"
        + $"weeks={(Weeks.Count == 0 ? "all" : string.Join(",", Weeks))}";

    /// <summary>Parses a list such as <c>2018,2019</c> or ranges <c>1-9,18</c>.</summary>
    /// <exception cref="FormatException">A part is not a number or a range; the message names it.</exception>
    public static IReadOnlyList<int> ParseList(string? text)
    {
        var values = new List<int>();
        foreach (
            var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        )
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length == 1 && int.TryParse(ends[0], out var one))
                values.Add(one);
            else if (
                ends.Length == 2
                && int.TryParse(ends[0], out var lo)
                && int.TryParse(ends[1], out var hi)
                && lo <= hi
            )
                values.AddRange(Enumerable.Range(lo, hi - lo + 1));
            else
                throw new FormatException($"'{part}' is not a number or a range such as 1-9.");
        }
        return values;
    }
}
