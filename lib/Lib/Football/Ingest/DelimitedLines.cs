using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Lib.Storage;

namespace Lib.Football.Ingest;

/// <summary>
/// The records of a large delimited file (<c>.gz</c> or plain), as <see cref="CsvRecord"/>s with their line: a line
/// without quotes is split on the separator directly (tracking files are hundreds of thousands of such lines, and
/// this is several times faster than a general parser); a line with a quote goes through CsvHelper (RFC 4180, a
/// field may span lines).
/// </summary>
internal static class DelimitedLines
{
    /// <summary>The header's fields and then the records of <paramref name="path"/>, streamed.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is empty, or a quoted field is not closed (names the file and
    /// line).</exception>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Records) Open(string path, char separator)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The tracking file '{path}' does not exist.", path);
        var records = Read(path, separator).GetEnumerator();
        if (!records.MoveNext())
        {
            records.Dispose();
            throw new InvalidDataException($"{path}: the file is empty (expected a header line).");
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        return (header, Rest(records));
    }

    private static IEnumerable<CsvRecord> Rest(IEnumerator<CsvRecord> records)
    {
        using (records)
            while (records.MoveNext())
                yield return records.Current;
    }

    private static IEnumerable<CsvRecord> Read(string path, char separator)
    {
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            int start = line;
            if (text.Length == 0)
                continue;
            if (text.Contains('"'))
            {
                // A quoted field may hold the separator or line breaks: read on until the quotes balance.
                var whole = new StringBuilder(text);
                while (text.Count(c => c == '"') % 2 == 1)
                {
                    if (reader.ReadLine() is not { } next)
                        throw new InvalidDataException(
                            $"{path}: line {start}: a quoted field is not closed before the end of the file."
                        );
                    line++;
                    whole.Append('\n').Append(next);
                    text = whole.ToString();
                }
                yield return new CsvRecord(start, Quoted(text, separator), text);
            }
            else
                yield return new CsvRecord(start, text.Split(separator), text);
        }
    }

    private static string[] Quoted(string text, char separator)
    {
        using var parser = new CsvParser(
            new StringReader(text),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = separator.ToString(), BadDataFound = null }
        );
        return parser.Read() ? parser.Record ?? [] : [];
    }
}
