namespace Lib.Splits.Ingest;

/// <summary>
/// The rider table of a ChronoRace timing PDF, found by rule on every page: the header line (the one with
/// <c>Rank</c> and <c>Nr</c>), the columns its words span (<see cref="PdfColumn"/>), and the rider blocks below it — a
/// block starts at a line with a rider number under <c>Nr</c> and runs to the next one, or to the footer
/// (<c>Entries</c>, <c>Legend</c>, the ChronoRace credit line). Cells are right-aligned under their header, so words
/// are assigned to columns by x position, never by splitting text.
/// </summary>
public sealed class ChronoRaceTable
{
    private const double LineTolerance = 2.0;
    private static readonly string[] FooterWords = ["Entries", "Legend:", "Timing", "Report"];

    private ChronoRaceTable(IReadOnlyList<PdfWord> firstPage, IReadOnlyList<ChronoRaceBlock> blocks, PageLayout layout)
    {
        FirstPage = firstPage;
        Blocks = blocks;
        Layout = layout;
    }

    /// <summary>The first page's words (its heading holds the date and the round).</summary>
    public IReadOnlyList<PdfWord> FirstPage { get; }

    /// <summary>Every rider block of every page, in print order.</summary>
    public IReadOnlyList<ChronoRaceBlock> Blocks { get; }

    /// <summary>The first page's header words and columns.</summary>
    public PageLayout Layout { get; }

    /// <summary>A page's header: its words left to right and the columns built from them.</summary>
    public sealed record PageLayout(IReadOnlyList<PdfWord> Header, IReadOnlyList<PdfColumn> Columns);

    /// <summary>
    /// Reads the table of <paramref name="pages"/>; <paramref name="columnsOf"/> turns a page's header words into
    /// columns (one of them named <c>Nr</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">No page has a header line.</exception>
    public static ChronoRaceTable Read(
        string source,
        IReadOnlyList<IReadOnlyList<PdfWord>> pages,
        Func<IReadOnlyList<PdfWord>, IReadOnlyList<PdfColumn>> columnsOf
    )
    {
        var blocks = new List<ChronoRaceBlock>();
        PageLayout? first = null;
        for (int p = 0; p < pages.Count; p++)
        {
            var lines = Lines(pages[p]);
            int h = lines.FindIndex(l => l.Any(w => w.Text == "Rank") && l.Any(w => w.Text == "Nr"));
            if (h < 0)
                continue;
            var columns = columnsOf(lines[h]);
            first ??= new PageLayout(lines[h], columns);
            var nr = columns.First(c => c.Name == "Nr");
            List<List<PdfWord>>? current = null;
            for (int i = h + 1; i < lines.Count; i++)
            {
                var line = lines[i];
                if (FooterWords.Contains(line[0].Text))
                    break;
                bool starts = line.Any(w =>
                    w.Text.All(char.IsAsciiDigit) && w.Overlap(nr.Left, nr.Right) > 0.5 * (w.Right - w.Left)
                );
                if (starts)
                {
                    if (current is not null)
                        blocks.Add(new ChronoRaceBlock(p + 1, current, columns));
                    current = [line];
                }
                else
                    current?.Add(line);
            }
            if (current is not null)
                blocks.Add(new ChronoRaceBlock(p + 1, current, columns));
        }
        if (first is null)
            throw new InvalidDataException(
                $"{source}: no page has a results header (expected a line with 'Rank' and 'Nr')."
            );
        return new ChronoRaceTable(pages[0], blocks, first);
    }

    /// <summary>The year printed in the first page's heading (<c>SUN 5 MAY 2024</c>), if any.</summary>
    public int? Year =>
        FirstPage
            .Where(w => w.Top >= FirstPage.Max(x => x.Top) - 20)
            .Select(w => int.TryParse(w.Text, out var y) && y is >= 1990 and <= 2100 ? y : (int?)null)
            .FirstOrDefault(y => y is not null);

    /// <summary>The words grouped into text lines (baselines within 2 pt), top to bottom, each left to right.</summary>
    public static List<List<PdfWord>> Lines(IReadOnlyList<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var w in words.OrderByDescending(w => w.Bottom))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1][0].Bottom - w.Bottom) <= LineTolerance)
                lines[^1].Add(w);
            else
                lines.Add([w]);
        }
        foreach (var l in lines)
            l.Sort((a, b) => a.Left.CompareTo(b.Left));
        return lines;
    }

    /// <summary>A column spanning the header words from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static PdfColumn Span(string name, PdfWord first, PdfWord last) => new(name, first.Left, last.Right);
}
