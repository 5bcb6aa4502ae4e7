using System.Text;

namespace Lib.Splits.Ingest;

/// <summary>
/// The official record of each round, from rows of several files: a round (race, category, round) that has a PDF
/// takes the PDF's rows, and every CSV row of that round is compared with them (<see cref="Disagreements"/>); a round
/// without a PDF takes its eervin CSV, else downhillr's rows. Riders are matched by name, compared without case,
/// accents or punctuation (downhillr's <c>O'CALLAGHAN</c> is the PDF's <c>O CALLAGHAN</c>), and run.
/// </summary>
public sealed class OfficialTiming
{
    private OfficialTiming(IReadOnlyList<TimingRow> rows, IReadOnlyList<TimingDisagreement> disagreements)
    {
        Rows = rows;
        Disagreements = disagreements;
    }

    /// <summary>One row per rider and round (and run), from the best source.</summary>
    public IReadOnlyList<TimingRow> Rows { get; }

    /// <summary>Every difference between a CSV and the PDF of the same round.</summary>
    public IReadOnlyList<TimingDisagreement> Disagreements { get; }

    /// <summary>Resolves <paramref name="rows"/> (as read from any mix of files).</summary>
    public static OfficialTiming Resolve(IEnumerable<TimingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var official = new List<TimingRow>();
        var disagreements = new List<TimingDisagreement>();
        foreach (var round in rows.GroupBy(r => (r.Race, r.Category, r.Round)))
        {
            var byFile = round.GroupBy(r => r.File).ToList();
            var pdf = byFile.FirstOrDefault(g => IsPdf(g.Key));
            var reference =
                pdf
                ?? byFile.FirstOrDefault(g => !g.Key.Contains("downhillr", StringComparison.OrdinalIgnoreCase))
                ?? byFile[0];
            official.AddRange(reference);
            if (pdf is null)
                continue;
            foreach (var csv in byFile.Where(g => g != pdf))
                Compare(pdf.ToList(), csv.ToList(), disagreements);
        }
        return new OfficialTiming(official, disagreements);
    }

    private static bool IsPdf(string file) => file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    private static void Compare(List<TimingRow> pdf, List<TimingRow> csv, List<TimingDisagreement> found)
    {
        var pdfByKey = pdf.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var csvKeys = new HashSet<(string, int?)>();
        foreach (var c in csv)
        {
            var key = Key(c);
            csvKeys.Add(key);
            if (!pdfByKey.TryGetValue(key, out var p))
            {
                found.Add(Row(c, c.File, pdf[0].File, "row", "", "not in the PDF"));
                continue;
            }
            var pf = p.Fields();
            var cf = c.Fields();
            foreach (var i in new[] { 5, 9, 10, 11, 12, 13, 14 })
                if (pf[i] != cf[i])
                    found.Add(Row(p, c.File, p.File, TimingRow.Columns[i], pf[i], cf[i]));
        }
        foreach (var p in pdf.Where(p => !csvKeys.Contains(Key(p))))
        {
            // A CSV of a race round lists finishers only; a DNF/DNS/DSQ rider is missing by design, still reported.
            found.Add(
                Row(
                    p,
                    csv[0].File,
                    p.File,
                    "row",
                    $"{p.Status}",
                    p.Status == TimingStatus.OK ? "missing" : "missing (not a finisher)"
                )
            );
        }
    }

    private static TimingDisagreement Row(
        TimingRow rider,
        string csvFile,
        string pdfFile,
        string field,
        string pdfValue,
        string csvValue
    ) => new(rider.Race, rider.Round, rider.Run, rider.Rider, field, pdfValue, csvValue, csvFile, pdfFile);

    private static (string, int?) Key(TimingRow r) => (NameKey(r.Rider), r.Run);

    /// <summary>A name for matching: upper case letters only, accents dropped.</summary>
    public static string NameKey(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Replace('ł', 'l').Replace('Ł', 'L').Normalize(NormalizationForm.FormD))
            if (char.IsLetter(ch) && ch < 128)
                sb.Append(char.ToUpperInvariant(ch));
        return sb.ToString();
    }
}
