using System.Globalization;
using System.Text;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// downhillr's season tables (GPL-3.0), written by R's <c>write.csv</c>: results (<c>rank, nr, name, … split_1..4,
/// time, dnf, dsq, dns, event_name, event_year, round_type, round_category</c>), DNF/DNS/DSQ riders included, and timed
/// training (one row per rider, <c>run_&lt;k&gt;_split_1..4</c>, <c>run_&lt;k&gt;_time</c> for k = 1..3 or 1..5),
/// seconds as plain numbers. Race, round and category come from the row's own columns.
/// </summary>
public static class DownhillrCsv
{
    /// <summary>Whether <paramref name="header"/> is a downhillr results table.</summary>
    public static bool IsResults(IReadOnlyList<string> header) =>
        header.Contains("round_type") && header.Contains("split_1") && header.Contains("dnf");

    /// <summary>Whether <paramref name="header"/> is a downhillr timed-training table.</summary>
    public static bool IsTraining(IReadOnlyList<string> header) =>
        header.Contains("run_1_time") && header.Contains("event_name");

    /// <summary>Reads a results table.</summary>
    public static IngestResult<TimingRow> ReadResults(string path, string source)
    {
        var table = CsvFile.ReadTable(path, "rank", "name", "uci_id", "nat", "time", "dnf", "dsq", "dns", "event_name");
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var r in table)
        {
            try
            {
                var points = new[] { "split_1", "split_2", "split_3", "split_4" }.Select(c => Seconds(r, c));
                var status =
                    Flag(r, "dsq") ? TimingStatus.DSQ
                    : Flag(r, "dns") ? TimingStatus.DNS
                    : Flag(r, "dnf") ? TimingStatus.DNF
                    : Seconds(r, "time") is not null ? TimingStatus.OK
                    // A row without flags (a broken record: no name, no number): as in timed training.
                    : points.Any(p => p is not null) ? TimingStatus.DNF
                    : TimingStatus.DNS;
                rows.Add(
                    new TimingRow(
                        source,
                        Race(r),
                        Category(r["round_category"]),
                        Round(r["round_type"], r.Line),
                        null,
                        EervinCsv.Int(r["rank"]),
                        RiderName.Clean(r["name"]).Name,
                        r["uci_id"].Trim(),
                        r["nat"].Trim(),
                        status,
                        Seconds(r, "split_1"),
                        Seconds(r, "split_2"),
                        Seconds(r, "split_3"),
                        Seconds(r, "split_4"),
                        Seconds(r, "time")
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

    /// <summary>Reads a timed-training table: one row per rider and run slot.</summary>
    public static IngestResult<TimingRow> ReadTraining(string path, string source)
    {
        var table = CsvFile.ReadTable(path, "rank", "name", "nat", "run_1_time", "event_name");
        int runs = 0;
        if (table.Count > 0)
            while (table[0].Fields.ContainsKey($"run_{runs + 1}_time"))
                runs++;
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var r in table)
        {
            try
            {
                var rider = RiderName.Clean(r["name"]).Name;
                var parsed = new List<TimingRow>(runs);
                for (int k = 1; k <= runs; k++)
                {
                    var splits = Enumerable.Range(1, 4).Select(i => Seconds(r, $"run_{k}_split_{i}")).ToArray();
                    var time = Seconds(r, $"run_{k}_time");
                    var status =
                        time is not null ? TimingStatus.OK
                        : splits.Any(s => s is not null) ? TimingStatus.DNF
                        : TimingStatus.DNS;
                    parsed.Add(
                        new TimingRow(
                            source,
                            Race(r),
                            Category(r.Fields.GetValueOrDefault("round_category", "Men Elite")),
                            "tt",
                            k,
                            EervinCsv.Int(r["rank"]),
                            rider,
                            "",
                            r["nat"].Trim(),
                            status,
                            splits[0],
                            splits[1],
                            splits[2],
                            splits[3],
                            time
                        )
                    );
                }
                rows.AddRange(parsed);
            }
            catch (FormatException e)
            {
                rejected.Add(RejectedRecord.AtLine(source, r.Line, e.Message, string.Join(",", r.Fields.Values)));
            }
        }
        return new(rows, rejected);
    }

    private static bool Flag(CsvRow row, string column) =>
        row[column].Trim() switch
        {
            "TRUE" => true,
            "FALSE" or "" or "NA" => false,
            var other => throw new FormatException($"{column}: '{other}' (expected TRUE or FALSE)"),
        };

    private static long? Seconds(CsvRow row, string column)
    {
        try
        {
            return RaceTime.ParseSecondsMs(row.Fields.GetValueOrDefault(column, ""));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{column}: {e.Message}", e);
        }
    }

    private static string Race(CsvRow row)
    {
        var year = row["event_year"].Trim();
        if (year.Length != 4 || !year.All(char.IsAsciiDigit))
            throw new FormatException($"event_year: '{year}' (expected a year such as 2024)");
        return Slug(row["event_name"]) + "_" + year;
    }

    /// <summary><c>men_elite</c> for <c>Men Elite</c>, <c>junior_men</c> for <c>Men Junior</c>.</summary>
    public static string Category(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        bool women = t.Contains("women");
        bool junior = t.Contains("junior");
        return junior ? (women ? "junior_women" : "junior_men")
            : women ? "women_elite"
            : "men_elite";
    }

    /// <summary>
    /// <c>f</c>, <c>semi</c>, <c>qr</c>, <c>q1</c>, <c>q2</c>, <c>tt</c> for downhillr's round types.
    /// </summary>
    public static string Round(string text, int line) =>
        text.Trim() switch
        {
            "Final" => "f",
            "Semi-Final" or "Semi Final" => "semi",
            "Qualifying" => "qr",
            "Qualifying Round 1" => "q1",
            "Qualifying Round 2" => "q2",
            "Timed Training" => "tt",
            var other => throw new FormatException(
                $"round_type: '{other}' (expected Final, Semi-Final, Qualifying, Qualifying Round 1/2 or "
                    + $"Timed Training; line {line})"
            ),
        };

    /// <summary>
    /// A venue's slug: lower case, accents dropped, anything else an underscore (<c>bielsko_biala</c>).
    /// </summary>
    public static string Slug(string name)
    {
        var decomposed = name.Trim()
            .ToLowerInvariant()
            .Replace('ł', 'l')
            .Replace('ø', 'o')
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_')
                sb.Append('_');
        }
        return sb.ToString().TrimEnd('_');
    }
}
