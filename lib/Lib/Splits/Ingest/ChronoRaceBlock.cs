namespace Lib.Splits.Ingest;

/// <summary>
/// One rider's block of a ChronoRace table: its text lines top to bottom (line 0 holds the rank, number and name) and
/// every word assigned to a column by x position.
/// </summary>
public sealed class ChronoRaceBlock
{
    private readonly List<List<PdfWord>> _lines;
    private readonly IReadOnlyList<PdfColumn> _columns;

    internal ChronoRaceBlock(int page, List<List<PdfWord>> lines, IReadOnlyList<PdfColumn> columns)
    {
        Page = page;
        _lines = lines;
        _columns = columns;
    }

    /// <summary>The 1-based page the block is on.</summary>
    public int Page { get; }

    /// <summary>The number of text lines.</summary>
    public int LineCount => _lines.Count;

    /// <summary>The block's text, line by line, for error messages.</summary>
    public string Text => string.Join(" / ", _lines.Select(l => string.Join(" ", l.Select(w => w.Text))));

    /// <summary>
    /// The words of line <paramref name="line"/> that fall in column <paramref name="column"/>, left to right.
    /// </summary>
    public IReadOnlyList<string> Cells(string column, int line)
    {
        if (line >= _lines.Count)
            return [];
        return [.. _lines[line].Where(w => ColumnOf(w)?.Name == column).Select(w => w.Text)];
    }

    /// <summary>The first word of <paramref name="column"/> on <paramref name="line"/> that is not a rank in
    /// parentheses, or empty.</summary>
    public string Cell(string column, int line) =>
        Cells(column, line).FirstOrDefault(t => !(t.StartsWith('(') && t.EndsWith(')'))) ?? "";

    /// <summary>
    /// The words of <paramref name="line"/> from x = <paramref name="left"/> up to (not into) x =
    /// <paramref name="right"/>: a left-aligned text such as a name that runs across columns.
    /// </summary>
    public string TextBetween(int line, double left, double right) =>
        line >= _lines.Count
            ? ""
            : string.Join(" ", _lines[line].Where(w => w.Left >= left - 1 && w.Left < right - 1).Select(w => w.Text));

    /// <summary>The column a word belongs to: the one its box overlaps most, else none.</summary>
    public PdfColumn? ColumnOf(PdfWord word)
    {
        PdfColumn? best = null;
        double overlap = 0;
        foreach (var c in _columns)
        {
            var o = word.Overlap(c.Left, c.Right);
            if (o > overlap)
            {
                overlap = o;
                best = c;
            }
        }
        return best;
    }
}
