using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// The official ChronoRace timing PDFs, read with PdfPig by word boxes. Race rounds print two lines per rider (line
/// 1: rank, protected flag, number, name, UCI id, nation, year of birth, speed, I1, I3, time or DNF/DNS/DSQ, points;
/// line 2: team, I2, I4, gap), finishers first, then unranked riders with the intermediates they reached and
/// <c>-</c> for the rest. Timed training prints a block of four lines per rider with a column group per run (I1–I4
/// stacked under <c>Splits</c>, the run time under <c>Time</c>), then the best time; see
/// <see cref="ChronoRaceTrainingPdf"/>. A cell that does not read as a time leaves the rider out as a rejected record.
/// </summary>
public static class ChronoRacePdf
{
    /// <summary>Reads a race-round or timed-training PDF (told apart by its header: <c>Splits</c> columns).</summary>
    public static IngestResult<TimingRow> Read(string path, string source, TimingFileName name)
    {
        var pages = PdfWords.Read(path);
        bool training = pages.Any(p =>
            ChronoRaceTable.Lines(p).Any(l => l.Any(w => w.Text == "Rank") && l.Any(w => w.Text == "Splits"))
        );
        return training ? ChronoRaceTrainingPdf.Read(pages, source, name) : ReadRace(pages, source, name);
    }

    private static IReadOnlyList<PdfColumn> RaceColumns(IReadOnlyList<PdfWord> header)
    {
        var columns = new List<PdfColumn>();
        PdfWord? Find(string text, int from = 0) => header.Skip(from).FirstOrDefault(w => w.Text == text);
        int IndexOf(PdfWord w) => header.ToList().IndexOf(w);
        foreach (var (text, column) in new[] { ("Rank", "Rank"), ("Nr", "Nr"), ("NAT", "NAT"), ("YOB", "YOB") })
            if (Find(text) is { } w)
                columns.Add(new PdfColumn(column, w.Left, w.Right));
        if (Find("Speed") is { } speed)
            columns.Add(new PdfColumn("Speed", speed.Left, speed.Right));
        if (Find("ID") is { } id)
        {
            var uci = header.Take(IndexOf(id)).LastOrDefault(w => w.Text == "UCI") ?? id;
            columns.Add(ChronoRaceTable.Span("UCI ID", uci, id));
        }
        if (Find("I1") is { } i1 && Find("I2") is { } i2)
            columns.Add(ChronoRaceTable.Span("I1/I2", i1, i2));
        if (Find("I3") is { } i3 && Find("I4") is { } i4)
            columns.Add(ChronoRaceTable.Span("I3/I4", i3, i4));
        var time = header.LastOrDefault(w => w.Text == "Time");
        if (time is not null)
            columns.Add(new PdfColumn("Time", time.Left, time.Right));
        if (Find("Points") is { } points)
            columns.Add(new PdfColumn("Points", points.Left, points.Right));
        if (Find("Name") is { } nameWord)
            columns.Add(new PdfColumn("Name", nameWord.Left, nameWord.Left + 1));
        return columns;
    }

    private static IngestResult<TimingRow> ReadRace(
        IReadOnlyList<IReadOnlyList<PdfWord>> pages,
        string source,
        TimingFileName name
    )
    {
        var table = ChronoRaceTable.Read(source, pages, RaceColumns);
        var columns = table.Layout.Columns;
        foreach (var needed in new[] { "Nr", "Name", "I1/I2", "I3/I4", "Time" })
            if (!columns.Any(c => c.Name == needed))
                throw new InvalidDataException($"{source}: the results header has no '{needed}' column.");
        int year = name.Year
            ?? table.Year
            ?? throw new InvalidDataException($"{source}: no year in the file name or the first page's heading.");
        double nameLeft = columns.First(c => c.Name == "Name").Left;
        double nameRight = columns
            .Where(c => c.Left > nameLeft + 20 && c.Name is not ("Rank" or "Nr"))
            .Min(c => c.Left);
        var rows = new List<TimingRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var block in table.Blocks)
        {
            try
            {
                var (rider, suffixNation) = RiderName.Clean(block.TextBetween(0, nameLeft, nameRight));
                if (rider.Length == 0)
                    throw new FormatException("no rider name under 'Name'");
                var timeText = block.Cell("Time", 0);
                TimingStatus status;
                long? final = null;
                if (timeText is "DNF" or "DNS" or "DSQ")
                    status = Enum.Parse<TimingStatus>(timeText);
                else
                {
                    final = Time(timeText, "Time");
                    status = final is null ? TimingStatus.DNF : TimingStatus.OK;
                }
                var nation = block.Cell("NAT", 0);
                rows.Add(
                    new TimingRow(
                        source,
                        name.Race(year),
                        name.Category,
                        name.Round,
                        null,
                        EervinCsv.Int(block.Cell("Rank", 0)),
                        rider,
                        block.Cell("UCI ID", 0),
                        nation.Length > 0 ? nation : suffixNation,
                        status,
                        Time(block.Cell("I1/I2", 0), "I1"),
                        Time(block.Cell("I1/I2", 1), "I2"),
                        Time(block.Cell("I3/I4", 0), "I3"),
                        Time(block.Cell("I3/I4", 1), "I4"),
                        final
                    )
                );
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord(source, $"page {block.Page}", e.Message, block.Text));
            }
        }
        return new(rows, rejected);
    }

    internal static long? Time(string text, string field)
    {
        try
        {
            return RaceTime.ParseMs(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{field}: {e.Message}", e);
        }
    }
}
