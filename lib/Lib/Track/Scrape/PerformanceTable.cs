using System.Globalization;
using Lib.Storage;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// Writes scraped rows as a table (Parquet, optionally CSV) through <see cref="RecordTable"/>, one
/// <see cref="ScrapedRow"/> per
/// <see cref="Performance"/> in order. Columns: source_url, source_kind, source_row, gender, event,
/// event_family, event_title, tfrrs_event_id, athlete, athlete_id, team, class_year, mark (as printed),
/// value (seconds, metres or points), unit, status (OK or DNF, DQ…), flags (<c>w</c>, <c>h</c>, <c>@</c>),
/// mark_converted, mark_note, wind (m/s), wind_text, meet, meet_id, date (the meet's first day), date_text,
/// season (indoor, outdoor, xc), place, round (F, P, S), relay_members and relay_member_ids (comma-separated),
/// result_url.
/// </summary>
public static class PerformanceTable
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="parquetPath"/> and, when given,
    /// <paramref name="csvPath"/> (each atomically).</summary>
    public static void Write(IReadOnlyList<Performance> rows, string parquetPath, string? csvPath = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = rows.Select(Row).ToList();
        RecordTable.Write(table, parquetPath);
        if (csvPath is not null)
            RecordTable.Write(table, csvPath);
    }

    /// <summary>Writes the skipped rows (source_url, location, reason, text) to a CSV file, a header only when there
    /// are none.</summary>
    public static void WriteSkipped(IReadOnlyList<RejectedRecord> skipped, string csvPath) =>
        RecordTable.Write(skipped, csvPath);

    /// <summary>The table row of one performance.</summary>
    public static ScrapedRow Row(Performance p) =>
        new(
            p.File,
            p.SourceKind,
            p.Line,
            p.Gender.Code(),
            p.Event.Code,
            p.Event.Family.ToString(),
            p.EventTitle,
            p.TfrrsEventId,
            p.Athlete,
            p.AthleteId,
            p.Team,
            p.ClassYear?.Text,
            p.Mark.Text,
            p.Mark.Value,
            UnitCode(p.Mark.Unit),
            p.Mark.StatusCode,
            Flags(p.Mark),
            p.MarkConverted,
            p.MarkNote,
            p.Wind?.Value,
            p.Wind?.Text,
            p.Meet,
            p.MeetId,
            p.Date,
            p.DateText,
            p.Season?.Code(),
            p.Place,
            p.Round?.Code(),
            p.RelayMembers.Count == 0 ? null : string.Join(", ", p.RelayMembers.Select(m => m.Name)),
            p.RelayMembers.Any(m => m.AthleteId is not null)
                ? string.Join(
                    ", ",
                    p.RelayMembers.Select(m => m.AthleteId?.ToString(CultureInfo.InvariantCulture) ?? "")
                )
                : null,
            p.ResultUrl
        );

    private static string UnitCode(MarkUnit unit) =>
        unit switch
        {
            MarkUnit.Seconds => "s",
            MarkUnit.Metres => "m",
            _ => "points",
        };

    /// <summary>The letters (<c>w</c>, <c>h</c>) then the markers as printed (<c>w @ (1)</c>); null when
    /// none.</summary>
    private static string? Flags(Mark mark)
    {
        var letters =
            (mark.Flags.HasFlag(MarkFlags.WindAided) ? "w" : "") + (mark.Flags.HasFlag(MarkFlags.HandTimed) ? "h" : "");
        var text = string.Join(' ', new[] { letters, mark.MarkerText }.Where(t => t.Length > 0));
        return text.Length == 0 ? null : text;
    }
}
