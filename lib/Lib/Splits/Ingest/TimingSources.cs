using Lib.Storage;
using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// Reads official timing files of every kind the lab knows, told apart by content: eervin race and timed-training
/// CSVs and downhillr tables by their header columns, ChronoRace PDFs by their results header. Each row's
/// <c>file</c> is <c>&lt;folder&gt;/&lt;name&gt;</c> (<c>timing/fwil_dhi_me_results_f.pdf</c>), as in
/// <c>timing_expected.csv</c>.
/// </summary>
public static class TimingSources
{
    /// <summary>The eervin CSVs without a year in their name are of the 2024 season.</summary>
    public const int DefaultYear = 2024;

    /// <summary>The timing files of a folder (<c>.csv</c>, <c>.pdf</c>; not recursive), in ordinal order.</summary>
    public static IReadOnlyList<string> FilesIn(string folder) =>
        [
            .. Directory
                .EnumerateFiles(folder)
                .Where(f =>
                    f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                    || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                )
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal),
        ];

    /// <summary>Reads one file or every timing file of a folder; rows in file order, files in name order.</summary>
    /// <exception cref="FileNotFoundException">No such file or folder.</exception>
    /// <exception cref="InvalidDataException">
    /// A file of no known kind, or one that does not read (names it).
    /// </exception>
    public static IngestResult<TimingRow> Read(string fileOrFolder)
    {
        if (Directory.Exists(fileOrFolder))
            return IngestResult<TimingRow>.Concat(FilesIn(fileOrFolder).Select(ReadFile));
        if (File.Exists(fileOrFolder))
            return ReadFile(fileOrFolder);
        throw new FileNotFoundException($"No timing file or folder '{fileOrFolder}'.", fileOrFolder);
    }

    /// <summary>Reads one timing file.</summary>
    public static IngestResult<TimingRow> ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? "";
        var source = folder.Length > 0 ? $"{folder}/{Path.GetFileName(full)}" : Path.GetFileName(full);
        var name = TimingFileName.TryParse(full);
        if (full.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            return ChronoRacePdf.Read(
                full,
                source,
                name
                    ?? throw new InvalidDataException(
                        $"{path}: a timing PDF's name must say the race and round "
                            + "(<race>[_<year>]_dhi_<category>_results_<round>.pdf)."
                    )
            );
        var header = CsvFile.ReadHeader(full);
        if (DownhillrCsv.IsResults(header))
            return DownhillrCsv.ReadResults(full, source);
        if (DownhillrCsv.IsTraining(header))
            return DownhillrCsv.ReadTraining(full, source);
        if (name is null && (EervinCsv.IsRace(header) || EervinCsv.IsTraining(header)))
            throw new InvalidDataException(
                $"{path}: an eervin CSV's name must say the race and round "
                    + "(<race>[_<year>]_dhi_<category>_results_<round>.csv)."
            );
        if (EervinCsv.IsRace(header))
            return EervinCsv.ReadRace(full, source, name!, name!.Year ?? YearBeside(full) ?? DefaultYear);
        if (EervinCsv.IsTraining(header))
            return EervinCsv.ReadTraining(full, source, name!, name!.Year ?? YearBeside(full) ?? DefaultYear);
        throw new InvalidDataException(
            $"{path}: line 1: not a timing table the lab knows (expected an eervin race CSV with final_time, an eervin "
                + "timed-training CSV with Run and Orig_Split_1_Time, or a downhillr table)."
        );
    }

    private static int? YearBeside(string csv)
    {
        var pdf = Path.ChangeExtension(csv, ".pdf");
        if (!File.Exists(pdf))
            return null;
        try
        {
            var pages = PdfWords.Read(pdf, maxPages: 1);
            var top = pages[0].Where(w => w.Top >= pages[0].Max(x => x.Top) - 20);
            return top.Select(w => int.TryParse(w.Text, out var y) && y is >= 1990 and <= 2100 ? y : (int?)null)
                .FirstOrDefault(y => y is not null);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
