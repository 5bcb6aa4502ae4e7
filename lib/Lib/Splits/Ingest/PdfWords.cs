using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace Lib.Splits.Ingest;

/// <summary>
/// The words of each page of a PDF, through PdfPig. ChronoRace prints bold text by drawing each glyph several times
/// at (almost) the same place (<c>BBBBRRRRUUUUNNNNIIII</c> when read naively), so a glyph repeating one already kept
/// within half a point is dropped before letters are grouped into words.
/// </summary>
public static class PdfWords
{
    /// <summary>
    /// The pages of <paramref name="path"/> (the first <paramref name="maxPages"/>), each a list of words top to
    /// bottom, left to right.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a readable PDF (names the file).</exception>
    public static IReadOnlyList<IReadOnlyList<PdfWord>> Read(string path, int maxPages = int.MaxValue)
    {
        try
        {
            using var document = PdfDocument.Open(path);
            var pages = new List<IReadOnlyList<PdfWord>>();
            foreach (var page in document.GetPages().Take(maxPages))
                pages.Add(Words(page));
            return pages;
        }
        catch (Exception e) when (e is not InvalidDataException and not FileNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a readable PDF ({e.Message}).", e);
        }
    }

    private static List<PdfWord> Words(Page page)
    {
        var kept = new List<Letter>();
        var byGlyph = new Dictionary<(string, long), List<Letter>>();
        foreach (var letter in page.Letters)
        {
            var key = (letter.Value, (long)Math.Round(letter.StartBaseLine.Y));
            if (!byGlyph.TryGetValue(key, out var same))
                byGlyph[key] = same = [];
            if (
                same.Any(o =>
                    Math.Abs(o.StartBaseLine.X - letter.StartBaseLine.X) < 0.5
                    && Math.Abs(o.StartBaseLine.Y - letter.StartBaseLine.Y) < 0.5
                )
            )
                continue;
            same.Add(letter);
            kept.Add(letter);
        }
        return
        [
            .. DefaultWordExtractor
                .Instance.GetWords(kept)
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => new PdfWord(
                    w.Text,
                    w.BoundingBox.Left,
                    w.BoundingBox.Right,
                    w.BoundingBox.Bottom,
                    w.BoundingBox.Top
                ))
                .OrderByDescending(w => Math.Round(w.Bottom))
                .ThenBy(w => w.Left),
        ];
    }
}
