using System.Globalization;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The days a label exists for: every day, from the first listed flight to the last, of an ISO week in which the
/// listing has at least one flight (from any takeoff). A day of a covered week with no flight from a site is a 0 for
/// that site; a week the listing does not cover at all (the shared file lacks weeks ≡ 0 (mod 4)) has no labels,
/// because its zeros would be false.
/// </summary>
public static class SeasonDays
{
    /// <summary>The covered days in order.</summary>
    public static IReadOnlyList<DateOnly> Of(IReadOnlyList<Flight> flights)
    {
        ArgumentNullException.ThrowIfNull(flights);
        if (flights.Count == 0)
            return [];
        var weeks = flights.Select(f => Key(f.Date)).ToHashSet();
        var first = flights.Min(f => f.Date);
        var last = flights.Max(f => f.Date);
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
            if (weeks.Contains(Key(d)))
                days.Add(d);
        return days;
    }

    private static (int, int) Key(DateOnly d)
    {
        var t = d.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(t), ISOWeek.GetWeekOfYear(t));
    }
}
