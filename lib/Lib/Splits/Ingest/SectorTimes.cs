using System.Globalization;
using Lib.Storage;

namespace Lib.Splits.Ingest;

/// <summary>
/// Real sector times for the generator (recipe step 5), read from the normalised official timing
/// (<c>timing_expected.csv</c>'s columns: <c>file, race, round, rider, status, split1_s … split4_s, final_s</c>):
/// the rows of the official PDFs (the primary record) of race rounds (final, semi-final, qualifying) with status
/// <c>OK</c> and all four intermediates, their cumulative times turned into sectors.
/// </summary>
public static class SectorTimes
{
    private static readonly string[] Columns =
    [
        "file",
        "race",
        "round",
        "rider",
        "status",
        "split1_s",
        "split2_s",
        "split3_s",
        "split4_s",
        "final_s",
    ];

    /// <summary>The complete finishing runs of <paramref name="path"/>'s race rounds, in file order.</summary>
    /// <exception cref="InvalidDataException">A missing column, or a time that is not a number or does not increase
    /// (naming the file, line and field).</exception>
    public static IReadOnlyList<SectorRun> Read(string path)
    {
        var runs = new List<SectorRun>();
        foreach (var row in CsvFile.ReadTable(path, Columns))
        {
            if (!row["file"].EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                continue;
            if (row["round"] is not ("f" or "semi" or "qr") || row["status"] != "OK")
                continue;
            var names = Columns[5..];
            if (names.Any(n => row[n].Length == 0))
                continue;
            var cumulative = names.Select(n => Seconds(path, row.Line, n, row[n])).ToArray();
            var sectors = new double[5];
            for (int k = 0; k < 5; k++)
            {
                sectors[k] = cumulative[k] - (k == 0 ? 0 : cumulative[k - 1]);
                if (!(sectors[k] > 0))
                    throw new InvalidDataException(
                        $"{path}: line {row.Line}: {names[k]} = {row[names[k]]} is not after the previous point "
                            + "(expected increasing cumulative times)."
                    );
            }
            runs.Add(new SectorRun(row["race"], row["round"], row["rider"], sectors));
        }
        return runs;
    }

    private static double Seconds(string path, int line, string field, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new InvalidDataException(
                $"{path}: line {line}: {field} = '{text}' is not a time in seconds (expected a positive number)."
            );
}
