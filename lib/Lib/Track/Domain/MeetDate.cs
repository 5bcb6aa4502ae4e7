using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// Meet dates as TFRRS prints them: <c>Apr 20, 2024</c>, <c>Apr  9, 2022</c>, a range within a month
/// <c>May 18-19, 2022</c>, across months <c>Jan 31-Feb 1, 2022</c> or years <c>Dec 30, 2021-Jan 2, 2022</c>.
/// A performance is dated by the meet's first day.
/// </summary>
public static partial class MeetDate
{
    private static readonly string[] Months =
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ];

    /// <summary>The first and last day of the meet; false with the reason when the text is not a date.</summary>
    public static bool TryParse(
        string? text,
        out DateOnly first,
        out DateOnly last,
        [NotNullWhen(false)] out string? error
    )
    {
        first = last = default;
        var s = Regex.Replace(text ?? "", @"\s+", " ").Trim();
        if (Span().Match(s) is { Success: true } span)
        {
            var year = int.Parse(span.Groups["year"].Value, CultureInfo.InvariantCulture);
            var lastMonth = span.Groups["month2"].Success ? span.Groups["month2"].Value : span.Groups["month"].Value;
            if (!TryDate(year, span.Groups["month"].Value, span.Groups["day"].Value, out first, out error))
                return Fail(text, error, out error);
            if (!span.Groups["day2"].Success)
                last = first;
            else if (!TryDate(year, lastMonth, span.Groups["day2"].Value, out last, out error))
                return Fail(text, error, out error);
        }
        else if (YearSpan().Match(s) is { Success: true } years)
        {
            if (
                !TryDate(
                    int.Parse(years.Groups["year"].Value, CultureInfo.InvariantCulture),
                    years.Groups["month"].Value,
                    years.Groups["day"].Value,
                    out first,
                    out error
                )
                || !TryDate(
                    int.Parse(years.Groups["year2"].Value, CultureInfo.InvariantCulture),
                    years.Groups["month2"].Value,
                    years.Groups["day2"].Value,
                    out last,
                    out error
                )
            )
                return Fail(text, error, out error);
        }
        else
        {
            error = $"'{text}' is not a meet date such as 'Apr 20, 2024' or 'May 18-19, 2022'";
            return false;
        }
        if (last < first || last.DayNumber - first.DayNumber > 31)
            return Fail(text, "the last day is before the first or more than a month after it", out error);
        error = null;
        return true;
    }

    /// <summary>The meet's first day; <see cref="FormatException"/> when the text is not a date.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var first, out _, out var error) ? first : throw new FormatException(error);

    private static bool TryDate(
        int year,
        string month,
        string day,
        out DateOnly date,
        [NotNullWhen(false)] out string? error
    )
    {
        date = default;
        var m = Array.IndexOf(Months, month[..3].ToLowerInvariant()) + 1;
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m == 0 || year is < 1900 or > 2200 || d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            error = $"{month} {day}, {year} is not a calendar date";
            return false;
        }
        date = new DateOnly(year, m, d);
        error = null;
        return true;
    }

    private static bool Fail(string? text, string reason, out string error)
    {
        error = reason.StartsWith('\'') ? reason : $"'{text}': {reason}";
        return false;
    }

    [GeneratedRegex(
        @"^(?<month>[A-Za-z]{3,4})\.? (?<day>\d{1,2})"
            + @"(?:\s?-\s?(?:(?<month2>[A-Za-z]{3,4})\.? )?(?<day2>\d{1,2}))?, (?<year>\d{4})$"
    )]
    private static partial Regex Span();

    [GeneratedRegex(
        @"^(?<month>[A-Za-z]{3,4})\.? (?<day>\d{1,2}), (?<year>\d{4})"
            + @" ?- ?(?<month2>[A-Za-z]{3,4})\.? (?<day2>\d{1,2}), (?<year2>\d{4})$"
    )]
    private static partial Regex YearSpan();
}
