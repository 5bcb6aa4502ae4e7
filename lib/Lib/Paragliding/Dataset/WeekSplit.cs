using System.Globalization;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The split by ISO week, never by row: every site of a day, and every day of a week, fall on one side, so a weather
/// system spanning a few days cannot leak between training and scoring. Weeks are assigned stratified by how flyable
/// they were (scikit-learn's <c>StratifiedGroupKFold</c> idea, groups = weeks): the weeks are ranked by their share of
/// site-days with a flight over the first threshold, and in each run of six consecutive ranks the second and the fifth
/// are held out (validation and test, swapping from one run to the next) and the other four train. Without it the
/// few held-out weeks are a lottery on
/// the weather: with the weeks ≡ 2 (mod 8), for example, 3.6% of test site-days had a flight over 20 km against
/// 8.8% in training, which no weather-free model can be calibrated for. Weeks are keyed by ISO year and week (the
/// season spans two week-35s).
/// </summary>
public sealed class WeekSplit
{
    private readonly Dictionary<(int Year, int Week), DaySplit> _weeks;

    private WeekSplit(Dictionary<(int, int), DaySplit> weeks) => _weeks = weeks;

    /// <summary>The weeks and their sides.</summary>
    public IReadOnlyDictionary<(int Year, int Week), DaySplit> Weeks => _weeks;

    /// <summary>The (ISO year, ISO week) of <paramref name="date"/>.</summary>
    public static (int Year, int Week) Key(DateOnly date)
    {
        var t = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(t), ISOWeek.GetWeekOfYear(t));
    }

    /// <summary>The stratified split of the weeks of <paramref name="days"/> (a day and whether its site had a
    /// flight over the first threshold).</summary>
    public static WeekSplit Stratified(IEnumerable<(DateOnly Date, bool Positive)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var ranked = days.GroupBy(d => Key(d.Date))
            .Select(g => (Week: g.Key, Rate: g.Average(d => d.Positive ? 1.0 : 0.0)))
            .OrderBy(w => w.Rate)
            .ThenBy(w => w.Week)
            .ToList();
        var weeks = new Dictionary<(int, int), DaySplit>();
        for (int r = 0; r < ranked.Count; r++)
        {
            bool even = r / 6 % 2 == 0; // alternate, so neither held-out side always gets the more flyable week
            weeks[ranked[r].Week] = (r % 6) switch
            {
                1 => even ? DaySplit.Val : DaySplit.Test,
                4 => even ? DaySplit.Test : DaySplit.Val,
                _ => DaySplit.Train,
            };
        }
        return new WeekSplit(weeks);
    }

    /// <summary>The side of <paramref name="date"/>'s week.</summary>
    /// <exception cref="KeyNotFoundException">The week is not in the split.</exception>
    public DaySplit Of(DateOnly date) =>
        _weeks.TryGetValue(Key(date), out var split)
            ? split
            : throw new KeyNotFoundException($"{date:yyyy-MM-dd} (ISO week {Key(date)}) is not in the split.");
}
