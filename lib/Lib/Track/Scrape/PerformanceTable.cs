using System.Globalization;
using Lib.Storage.DuckDb;
using Lib.Track.Events;
using Lib.Track.Marks;

namespace Lib.Track.Scrape;

/// <summary>
/// Writes scraped rows as a table (Parquet, optionally CSV) through DuckDB, one row per
/// <see cref="Performance"/> in order. Columns: source_url, source_kind, source_row, gender, event,
/// event_family, event_title, tfrrs_event_id, athlete, athlete_id, team, class_year, mark (as printed),
/// value (seconds, metres or points), unit, status (OK or DNF, DQ…), flags (<c>w</c>, <c>h</c>, <c>@</c>),
/// mark_converted, mark_note, wind (m/s), wind_text, meet, meet_id, date (the meet's first day), date_text,
/// season (indoor, outdoor, xc), place, round (F, P, S), relay_members and relay_member_ids (comma-separated), result_url.
/// </summary>
public static class PerformanceTable
{
    private const string Schema = """
        CREATE TABLE performances (
            ord INTEGER, source_url VARCHAR, source_kind VARCHAR, source_row INTEGER, gender VARCHAR, event VARCHAR,
            event_family VARCHAR, event_title VARCHAR, tfrrs_event_id INTEGER, athlete VARCHAR, athlete_id BIGINT, team VARCHAR,
            class_year VARCHAR, mark VARCHAR, value DOUBLE, unit VARCHAR, status VARCHAR, flags VARCHAR, mark_converted VARCHAR,
            mark_note VARCHAR, wind DOUBLE, wind_text VARCHAR, meet VARCHAR, meet_id BIGINT, date DATE, date_text VARCHAR,
            season VARCHAR, place INTEGER, round VARCHAR, relay_members VARCHAR, relay_member_ids VARCHAR, result_url VARCHAR)
        """;

    private const string SkippedSchema = "CREATE TABLE skipped (ord INTEGER, source_url VARCHAR, location VARCHAR, reason VARCHAR, text VARCHAR)";

    /// <summary>Writes <paramref name="rows"/> to <paramref name="parquetPath"/> and, when given, <paramref name="csvPath"/> (each atomically).</summary>
    public static void Write(IReadOnlyList<Performance> rows, string parquetPath, string? csvPath = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var db = DuckDbDatabase.OpenInMemory();
        using var connection = db.Connect();
        connection.Execute(Schema);
        using (var appender = connection.CreateAppender("performances"))
        {
            for (var i = 0; i < rows.Count; i++) appender.AppendRow(Values(i, rows[i]));
        }
        const string select = "SELECT * EXCLUDE (ord) FROM performances ORDER BY ord";
        connection.CopyToParquet(select, parquetPath);
        if (csvPath is not null) connection.CopyToCsv(select, csvPath);
    }

    /// <summary>Writes the skipped rows (source_url, location, reason, text) to a CSV file, a header only when there are none.</summary>
    public static void WriteSkipped(IReadOnlyList<SkippedRow> skipped, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        using var db = DuckDbDatabase.OpenInMemory();
        using var connection = db.Connect();
        connection.Execute(SkippedSchema);
        using (var appender = connection.CreateAppender("skipped"))
        {
            for (var i = 0; i < skipped.Count; i++) appender.AppendRow(i, skipped[i].SourceUrl, skipped[i].Location, skipped[i].Reason, skipped[i].Text);
        }
        connection.CopyToCsv("SELECT * EXCLUDE (ord) FROM skipped ORDER BY ord", csvPath);
    }

    private static object?[] Values(int ord, Performance p) =>
    [
        ord, p.SourceUrl, p.SourceKind, p.SourceRow, p.Gender.Code(), p.Event.Code,
        p.Event.Family.ToString(), p.EventTitle, p.TfrrsEventId, p.Athlete, p.AthleteId, p.Team,
        p.ClassYear?.Text, p.Mark.Text, p.Mark.Value, UnitCode(p.Mark.Unit), p.Mark.IsValid ? "OK" : p.Mark.Status.Code(), Flags(p.Mark.Flags), p.MarkConverted,
        p.MarkNote, p.Wind?.Value, p.Wind?.Text, p.Meet, p.MeetId, p.Date, p.DateText,
        p.Season?.Code(), p.Place, p.Round?.Code(),
        p.RelayMembers.Count == 0 ? null : string.Join(", ", p.RelayMembers.Select(m => m.Name)),
        p.RelayMembers.Any(m => m.AthleteId is not null) ? string.Join(", ", p.RelayMembers.Select(m => m.AthleteId?.ToString(CultureInfo.InvariantCulture) ?? "")) : null,
        p.ResultUrl,
    ];

    private static string UnitCode(MarkUnit unit) => unit switch { MarkUnit.Seconds => "s", MarkUnit.Metres => "m", _ => "points" };

    private static string? Flags(MarkFlags flags)
    {
        var text = (flags.HasFlag(MarkFlags.WindAided) ? "w" : "") + (flags.HasFlag(MarkFlags.HandTimed) ? "h" : "") + (flags.HasFlag(MarkFlags.Converted) ? "@" : "");
        return text.Length == 0 ? null : text;
    }
}
