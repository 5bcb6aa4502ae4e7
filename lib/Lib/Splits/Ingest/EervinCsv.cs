using System.Globalization;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// The eervin123 CSV extractions of the ChronoRace PDFs, read by column name. Race rounds (a <c>final_time</c>
/// column) list ranked finishers only; timed training (<c>Run</c>, <c>Orig_Split_1_Time</c> …) one row per rider ×
/// run, its run time from <c>Time</c> where the file has that column (2025), else <c>Orig_Split_5_Time</c>. Rows are
/// what the CSV says, its known extraction errors included (<c>TimingComparison</c> reports them against the
/// PDF); a value that is not a time leaves the row out as a <see cref="RejectedRecord"/>.
/// </summary>
public static class EervinCsv
{
    /// <summary>Whether <paramref name="header"/> is an eervin race-round CSV.</summary>
    public static bool IsRace(IReadOnlyList<string> header) => header.Contains("final_time") && header.Contains("name");

    /// <summary>Whether <paramref name="header"/> is an eervin timed-training CSV.</summary>
    public static bool IsTraining(IReadOnlyList<string> header) =>
        header.Contains("Run") && header.Contains("Name") && header.Contains("Orig_Split_1_Time");

    /// <summary>Reads a race-round CSV; <paramref name="source"/> is the file's name in the rows.</summary>
    public static IngestResult<TimingRow> ReadRace(string path, string source, TimingFileName name, int year)
    {
        var table = CsvFile.ReadTable(path, "rank", "name", "uci_id", "country", "final_time", "split_1");
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var r in table)
        {
            try
            {
                var (rider, suffixNation) = RiderName.Clean(r["name"]);
                var final = Time(r, "final_time");
                rows.Add(
                    new TimingRow(
                        source,
                        name.Race(year),
                        name.Category,
                        name.Round,
                        null,
                        Int(r["rank"]),
                        rider,
                        r["uci_id"].Trim(),
                        r["country"].Trim().Length > 0 ? r["country"].Trim() : suffixNation,
                        final is null ? TimingStatus.DNF : TimingStatus.OK,
                        Time(r, "split_1"),
                        Time(r, "split_2"),
                        Time(r, "split_3"),
                        Time(r, "split_4"),
                        final
                    )
                );
            }
            catch (FormatException e)
            {
                rejected.Add(RejectedRecord.AtLine(source, r.Line, e.Message, string.Join(",", r.Fields.Values)));
            }
        }
        return new(rows, rejected);
    }

    /// <summary>Reads a timed-training CSV; <paramref name="source"/> is the file's name in the rows.</summary>
    public static IngestResult<TimingRow> ReadTraining(string path, string source, TimingFileName name, int year)
    {
        var table = CsvFile.ReadTable(path, "Name", "Run", "Orig_Split_1_Time", "Orig_Split_4_Time");
        bool hasTime = table.Count > 0 && table[0].Fields.ContainsKey("Time");
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var r in table)
        {
            try
            {
                var (rider, nation) = RiderName.Clean(r["Name"]);
                if (r.Fields.TryGetValue("Country", out var country) && country.Trim().Length > 0)
                    nation = country.Trim();
                var splits = new long?[4];
                for (int k = 0; k < 4; k++)
                    splits[k] = Time(r, $"Orig_Split_{k + 1}_Time");
                var final = hasTime ? Time(r, "Time") : Time(r, "Orig_Split_5_Time");
                var status =
                    final is not null ? TimingStatus.OK
                    : splits.Any(s => s is not null) ? TimingStatus.DNF
                    : TimingStatus.DNS;
                rows.Add(
                    new TimingRow(
                        source,
                        name.Race(year),
                        name.Category,
                        name.Round,
                        Int(r["Run"]) ?? throw new FormatException($"Run: '{r["Run"]}' is not a run number"),
                        r.Fields.TryGetValue("Rank", out var rank) ? Int(rank) : null,
                        rider,
                        "",
                        nation,
                        status,
                        splits[0],
                        splits[1],
                        splits[2],
                        splits[3],
                        final
                    )
                );
            }
            catch (FormatException e)
            {
                rejected.Add(RejectedRecord.AtLine(source, r.Line, e.Message, string.Join(",", r.Fields.Values)));
            }
        }
        return new(rows, rejected);
    }

    private static long? Time(CsvRow row, string column)
    {
        try
        {
            return RaceTime.ParseMs(row[column]);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{column}: {e.Message}", e);
        }
    }

    internal static int? Int(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (t.Length == 0)
            return null;
        if (
            double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d == Math.Floor(d)
        )
            return (int)d;
        throw new FormatException($"'{text}' is not a whole number");
    }
}
