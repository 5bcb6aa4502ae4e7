using Lib.Storage;
using Lib.Tensors.IO;

namespace Lib.Splits.Ingest;

/// <summary>
/// The normalised timing table (<c>riders.csv</c>, <c>timing_expected.csv</c>): written and read back.
/// </summary>
public static class TimingCsv
{
    /// <summary>Writes <paramref name="rows"/> with the header <see cref="TimingRow.Columns"/>, atomically.</summary>
    public static void Write(IEnumerable<TimingRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<string> { string.Join(",", TimingRow.Columns) };
        lines.AddRange(rows.Select(r => r.ToString()));
        AtomicFile.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    /// <summary>The rows of a normalised CSV as field lists (header checked), for comparing files.</summary>
    /// <exception cref="InvalidDataException">
    /// A column missing or a row of the wrong width (names file and line).
    /// </exception>
    public static List<IReadOnlyList<string>> ReadFields(string path)
    {
        var rows = CsvFile.ReadTable(path, TimingRow.Columns);
        return [.. rows.Select(r => (IReadOnlyList<string>)[.. TimingRow.Columns.Select(c => r[c])])];
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
