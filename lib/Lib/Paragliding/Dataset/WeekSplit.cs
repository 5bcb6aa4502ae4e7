using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The split by ISO week, never by row: every site of a day, and every day of a week, fall on one side, so a weather
/// system spanning a few days cannot leak between training and scoring. The rule is fixed in advance and reads no
/// label: the weeks are ordered by the SHA-256 of <c>{<see cref="Salt"/>}:{ISO year}-W{week}</c> (an arbitrary but
/// stable shuffle), the first <see cref="TestShare"/> of them (rounded) are the test weeks, the next
/// <see cref="ValShare"/> the validation weeks, the rest train. Weeks are keyed by ISO year and week (the season spans
/// two week-35s). An earlier rule stratified the weeks by their share of flyable site-days; it was chosen after test
/// results had been seen, so it was dropped for this one.
/// </summary>
public sealed class WeekSplit
{
    /// <summary>The hash's salt; changing it is choosing another split, and is done on validation weeks only.</summary>
    public const string Salt = "lab.paragliding.week-split/1";

    /// <summary>The share of weeks held out for the test.</summary>
    public const double TestShare = 0.15;

    /// <summary>The share of weeks held out for validation (early stopping, calibration, tuning).</summary>
    public const double ValShare = 0.15;

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

    /// <summary>The split of the weeks of <paramref name="days"/> by the hash rule (labels are not read).</summary>
    public static WeekSplit Hashed(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var order = days.Select(Key).Distinct().OrderBy(Rank, StringComparer.Ordinal).ToList();
        int test = (int)Math.Round(order.Count * TestShare, MidpointRounding.AwayFromZero);
        int val = (int)Math.Round(order.Count * ValShare, MidpointRounding.AwayFromZero);
        var weeks = new Dictionary<(int, int), DaySplit>();
        for (int i = 0; i < order.Count; i++)
            weeks[order[i]] =
                i < test ? DaySplit.Test
                : i < test + val ? DaySplit.Val
                : DaySplit.Train;
        return new WeekSplit(weeks);
    }

    /// <summary>A week's place in the shuffle: the hex SHA-256 of the salted week key.</summary>
    public static string Rank((int Year, int Week) week)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{Salt}:{week.Year}-W{week.Week:00}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The side of <paramref name="date"/>'s week.</summary>
    /// <exception cref="KeyNotFoundException">The week is not in the split.</exception>
    public DaySplit Of(DateOnly date) =>
        _weeks.TryGetValue(Key(date), out var split)
            ? split
            : throw new KeyNotFoundException($"{date:yyyy-MM-dd} (ISO week {Key(date)}) is not in the split.");
}
