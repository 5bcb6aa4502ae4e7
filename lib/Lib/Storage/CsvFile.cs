using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Lib.Tensors.IO;

namespace Lib.Storage;

/// <summary>
/// CSV through CsvHelper (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, and
/// <c>.gz</c> files) for files whose columns are read as text: the source adapters, the boards' tables, and
/// writers that format their own numbers. Typed tables go through <see cref="RecordTable"/> instead. Records
/// keep the line they start on; blank lines are skipped; a quote left open is a <see cref="FormatException"/>
/// naming the file and line.
/// </summary>
public static class CsvFile
{
    /// <summary>The header's fields (trimmed) and then every record of <paramref name="path"/>, streamed.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">The file is empty or a quoted field is never closed.</exception>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Records) Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        var records = Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            records.Dispose();
            throw new FormatException($"{path}: the file is empty (expected a header line).");
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        return (header, Rest(records));
    }

    /// <summary>The header's fields of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">The file is empty or its first record leaves a quote open.</exception>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        using var records = Read(path).GetEnumerator(); // disposing it closes the file
        return records.MoveNext()
            ? [.. records.Current.Fields.Select(f => f.Trim())]
            : throw new FormatException($"{path}: the file is empty (expected a header line).");
    }

    /// <summary>
    /// The records of <paramref name="path"/> with their fields by header name; every column in
    /// <paramref name="required"/> must be in the header and every record must have the header's number of fields.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is empty, lacks a required column, a record has the wrong number of fields or a quote is left open.
    /// </exception>
    public static List<CsvRow> ReadTable(string path, params string[] required)
    {
        try
        {
            var (header, records) = Open(path);
            foreach (var column in required)
                if (!header.Contains(column))
                    throw new InvalidDataException(
                        $"{path}: line 1: no '{column}' column (the header has {string.Join(", ", header)})."
                    );
            var rows = new List<CsvRow>();
            foreach (var record in records)
            {
                if (record.Fields.Count != header.Count)
                    throw new InvalidDataException(
                        $"{path}: line {record.Line}: {record.Fields.Count} fields, but the header has "
                            + $"{header.Count}."
                    );
                var map = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
                for (int i = 0; i < header.Count; i++)
                    map[header[i]] = record.Fields[i];
                rows.Add(new CsvRow(record.Line, map));
            }
            return rows;
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Every record of <paramref name="path"/>, header included.</summary>
    public static IEnumerable<CsvRecord> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(
            reader,
            new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false }
        );
        while (parser.Read())
        {
            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            int start = parser.RawRow - raw.Count(c => c == '\n');
            if (OpenQuote(raw)) // then the line breaks at the end were inside the field too, and counted
                throw new FormatException(
                    $"{path}: line {parser.RawRow - parser.RawRecord.Count(c => c == '\n')}: "
                        + "a quoted field is not closed before the end of the file."
                );
            yield return new CsvRecord(start, parser.Record ?? [], raw);
        }
    }

    /// <summary>
    /// Writes a header and rows of already formatted fields, atomically; fields with a comma, quote or line break are
    /// quoted.
    /// </summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            using var csv = new CsvWriter(
                text,
                new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    NewLine = "\n",
                    ShouldQuote = args => args.Field is { } f && f.AsSpan().IndexOfAny(",\"\n\r") >= 0,
                }
            );
            foreach (var field in header)
                csv.WriteField(field);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                    csv.WriteField(field ?? "");
                csv.NextRecord();
            }
        });
    }

    private static IEnumerable<CsvRecord> Rest(IEnumerator<CsvRecord> records)
    {
        using (records)
            while (records.MoveNext())
                yield return records.Current;
    }

    /// <summary>Whether a raw record ends inside a quoted field (an odd number of quotes; doubled ones count twice).
    /// </summary>
    /// <summary>
    /// True when a field of the record opens a quote that the record never closes (the file ended inside it). A quote
    /// inside an unquoted field (<c>5'10"</c>) is a literal character, as the parser reads it.
    /// </summary>
    private static bool OpenQuote(string raw)
    {
        bool fieldStart = true,
            quoted = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (quoted)
            {
                if (c != '"')
                    continue;
                if (i + 1 < raw.Length && raw[i + 1] == '"')
                    i++; // an escaped quote
                else
                    quoted = false;
            }
            else if (c == ',')
                fieldStart = true;
            else
            {
                quoted = fieldStart && c == '"';
                fieldStart = false;
            }
        }
        return quoted;
    }
}
