using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Track.Domain;

namespace Lib.Track.Predict;

/// <summary>
/// Reads marks pasted for a forecast, one per line: <c>date, mark[, wind]</c> (the date as <c>2026-04-12</c> or
/// <c>4/12/2026</c>) or just a mark. A bare number is read in the event's unit (<c>13.54</c> is metres for the triple
/// jump,
/// seconds for the 400 m); TFRRS's forms (<c>13.54m</c>, <c>1:52.34</c>, <c>44' 5.25"</c>) work as well. Blank lines
/// and lines
/// starting with <c>#</c> are skipped; non-marks (DNF, FOUL…) are skipped too, having no value. Every line is dated or
/// none
/// is, and dated lines must fall in one season of the chosen label. Anything else is a <see cref="MarkLineException"/>
/// naming the line.
/// </summary>
public static partial class MarkLines
{
    /// <summary>Every usable line of <paramref name="text"/>, in the order given.</summary>
    public static List<PastedMark> Parse(string text, EventInfo ev, Season label)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marks = new List<PastedMark>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (ParseLine(i + 1, lines[i], ev, label) is not { } mark)
                continue;
            CheckWith(marks, mark, label);
            marks.Add(mark);
        }
        if (marks.Count == 0)
            throw new FormatException(
                $"No marks: paste at least one {ev.Name} mark, one per line ('date, mark[, wind]' or just a mark)."
            );
        return marks;
    }

    /// <summary>
    /// One line: null when it is blank, a comment or a non-mark; else the mark. <see cref="MarkLineException"/> when it
    /// cannot be read, or its date is not in the <paramref name="label"/> season.
    /// </summary>
    public static PastedMark? ParseLine(int line, string text, EventInfo ev, Season label)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            return null;
        if (!ev.Seasons.HasFlag(label.AsSet()))
            throw new MarkLineException(line, $"{ev.Name} is not contested in the {SeasonId.LabelName(label)} season.");
        var fields = trimmed.Split(',').Select(f => f.Trim()).ToArray();
        DateOnly? date = null;
        string markText;
        string? windText = null;
        if (fields.Length == 1)
            markText = fields[0];
        else
        {
            if (!TryDate(fields[0], out var d))
                throw new MarkLineException(
                    line,
                    $"'{fields[0]}' is not a date: write 'date, mark[, wind]' with the date as 2026-04-12 or "
                        + "4/12/2026, or just the mark."
                );
            if (fields.Length > 3)
                throw new MarkLineException(
                    line,
                    $"{fields.Length} fields; expected 'date, mark' or 'date, mark, wind'."
                );
            date = d;
            markText = fields[1];
            if (fields.Length == 3)
                windText = fields[2];
        }
        if (!Mark.TryParse(InUnit(markText, ev.Unit), ev.Unit, out var mark, out var error))
            throw new MarkLineException(line, $"{error}, not a {ev.Name} mark.");
        double? wind = null;
        if (windText is { Length: > 0 })
        {
            if (!Domain.Wind.TryParse(windText, out var w, out var windError))
                throw new MarkLineException(line, $"wind {windError}.");
            wind = w.Value;
        }
        if (date is { } day && !InSeason(label, day))
            throw new MarkLineException(
                line,
                $"{day:yyyy-MM-dd} falls in the {SeasonId.LabelName(SeasonOf(day))} season, not the "
                    + $"{SeasonId.LabelName(label)} season chosen."
            );
        return mark.IsValid ? new PastedMark(line, date, mark, wind) : null;
    }

    /// <summary>Checks <paramref name="next"/> against the lines accepted before it: all dated or none, one
    /// season.</summary>
    public static void CheckWith(IReadOnlyList<PastedMark> accepted, PastedMark next, Season label)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(next);
        if (accepted.Count == 0)
            return;
        var first = accepted[0];
        if (first.Date is null != next.Date is null)
            throw new MarkLineException(
                next.Line,
                next.Date is null
                    ? $"no date, but line {first.Line} has one: give a date on every line or on none."
                    : $"a date, but line {first.Line} has none: give a date on every line or on none."
            );
        if (first.Date is { } a && next.Date is { } b)
        {
            var (sa, sb) = (SeasonId.Of(label, a), SeasonId.Of(label, b));
            if (sa != sb)
                throw new MarkLineException(
                    next.Line,
                    $"{b:yyyy-MM-dd} is in the {sb} season but line {first.Line} is in the {sa} season: paste "
                        + "one season's marks."
                );
        }
    }

    /// <summary>Whether <paramref name="date"/> falls in a <paramref name="label"/> season: indoor 1 November–15 March,
    /// outdoor 16 March–31 October, cross country August–December.</summary>
    public static bool InSeason(Season label, DateOnly date) =>
        label switch
        {
            Season.Indoor => date.Month is 11 or 12 or 1 or 2 || (date.Month == 3 && date.Day <= 15),
            Season.Outdoor => date.Month is >= 4 and <= 10 || (date.Month == 3 && date.Day >= 16),
            _ => date.Month >= 8,
        };

    private static Season SeasonOf(DateOnly date) => InSeason(Season.Indoor, date) ? Season.Indoor : Season.Outdoor;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(
            text,
            ["yyyy-MM-dd", "M/d/yyyy"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out date
        );

    private static string InUnit(string text, MarkUnit unit) =>
        unit == MarkUnit.Metres && BareNumber().IsMatch(text) ? text + "m" : text;

    [GeneratedRegex(@"^\d+(?:\.\d+)?$")]
    private static partial Regex BareNumber();
}
