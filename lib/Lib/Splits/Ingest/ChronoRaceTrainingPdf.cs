using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// The timed-training layout of the ChronoRace PDFs: per rider a block of four lines; per run a column group
/// (2024: <c>Speed, Splits, Time</c>, three runs; 2025: <c>Splits, Time</c>, five runs, the speed printed under the run
/// time as <c>55.427kmh</c>) with I1–I4 stacked under <c>Splits</c> and the run time on line 1 under <c>Time</c>, then
/// the
/// best time and the gap. <c>-</c> marks a missing value; a value printed truncated (<c>2:11:03.</c>) is absent; a
/// run time wrapped over two lines in a narrow column (<c>3:46.</c> / <c>043</c>) is joined. One row per rider and run
/// slot: <c>OK</c> with a run time, <c>DNF</c> with some split but no run time, <c>DNS</c> for an empty slot.
/// </summary>
public static class ChronoRaceTrainingPdf
{
    /// <summary>
    /// The columns of a timed-training header: Rank, Nr, Name, NAT, then Splits k / Time k per run, Best.
    /// </summary>
    public static IReadOnlyList<PdfColumn> Columns(IReadOnlyList<PdfWord> header)
    {
        var columns = new List<PdfColumn>();
        int run = 0;
        bool timeTaken = true;
        foreach (var w in header)
        {
            switch (w.Text)
            {
                case "Rank" or "Nr" or "NAT" when run == 0:
                    columns.Add(new PdfColumn(w.Text, w.Left, w.Right));
                    break;
                case "Name" when run == 0:
                    columns.Add(new PdfColumn("Name", w.Left, w.Left + 1));
                    break;
                case "Speed":
                    columns.Add(new PdfColumn($"Speed {run + 1}", w.Left, w.Right));
                    break;
                case "Splits":
                    run++;
                    timeTaken = false;
                    columns.Add(new PdfColumn($"Splits {run}", w.Left, w.Right));
                    break;
                case "Time" when !timeTaken:
                    timeTaken = true;
                    columns.Add(new PdfColumn($"Time {run}", w.Left, w.Right));
                    break;
                case "Time":
                    columns.Add(new PdfColumn("Best", w.Left, w.Right));
                    break;
            }
        }
        return columns;
    }

    /// <summary>Reads the pages of a timed-training PDF.</summary>
    public static IngestResult<TimingRow> Read(
        IReadOnlyList<IReadOnlyList<PdfWord>> pages,
        string source,
        TimingFileName name
    )
    {
        var table = ChronoRaceTable.Read(source, pages, Columns);
        var columns = table.Layout.Columns;
        int runs = columns.Count(c => c.Name.StartsWith("Splits ", StringComparison.Ordinal));
        if (runs == 0 || !columns.Any(c => c.Name == "Name"))
            throw new InvalidDataException($"{source}: the timed-training header has no 'Name' or 'Splits' column.");
        int year = name.Year
            ?? table.Year
            ?? throw new InvalidDataException($"{source}: no year in the file name or the first page's heading.");
        double nameLeft = columns.First(c => c.Name == "Name").Left;
        double nameRight = columns.Where(c => c.Left > nameLeft + 20).Min(c => c.Left);
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var block in table.Blocks)
        {
            try
            {
                var (rider, suffixNation) = RiderName.Clean(block.TextBetween(0, nameLeft, nameRight));
                if (rider.Length == 0)
                    throw new FormatException("no rider name under 'Name'");
                var nation = block.Cell("NAT", 0);
                int? rank = EervinCsv.Int(block.Cell("Rank", 0));
                var parsed = new List<TimingRow>(runs);
                for (int k = 1; k <= runs; k++)
                {
                    var splits = new long?[4];
                    for (int i = 0; i < 4; i++)
                        splits[i] = ChronoRacePdf.Time(block.Cell($"Splits {k}", i), $"run {k} I{i + 1}");
                    var final = ChronoRacePdf.Time(RunTime(block, k), $"run {k} time");
                    var status =
                        final is not null ? TimingStatus.OK
                        : splits.Any(s => s is not null) ? TimingStatus.DNF
                        : TimingStatus.DNS;
                    parsed.Add(
                        new TimingRow(
                            source,
                            name.Race(year),
                            name.Category,
                            "tt",
                            k,
                            rank,
                            rider,
                            "",
                            nation.Length > 0 ? nation : suffixNation,
                            status,
                            splits[0],
                            splits[1],
                            splits[2],
                            splits[3],
                            final
                        )
                    );
                }
                rows.AddRange(parsed);
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord(source, $"page {block.Page}", e.Message, block.Text));
            }
        }
        return new(rows, rejected);
    }

    private static string RunTime(ChronoRaceBlock block, int run)
    {
        var first = block.Cell($"Time {run}", 0);
        var next = block.Cell($"Time {run}", 1);
        // A narrow column wraps "3:46." over "043".
        if (first.EndsWith('.') && first.Contains(':') && next.Length > 0 && next.All(char.IsAsciiDigit))
            return first + next;
        return first;
    }
}
