using System.IO.Compression;
using System.Text;

namespace Lib.Track.Ingest;

/// <summary>One record of a CSV file: the line it starts on (1-based, the header is line 1), its fields, and its text as written.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Text);

/// <summary>
/// A streaming RFC 4180 reader for the source adapters: quoted fields, doubled quotes, line breaks
/// inside quotes (the record keeps the line it starts on), CRLF or LF, and <c>.gz</c> files. A quote
/// left open at the end of the file is a <see cref="FormatException"/> naming the file and line.
/// </summary>
public static class CsvRecords
{
    /// <summary>The header's fields and then every record of <paramref name="path"/>.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<CsvRecord> Records) Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        var records = Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            records.Dispose();
            throw new FormatException($"{path}: the file is empty (expected a header line).");
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        return (header, Rest(records));
    }

    private static IEnumerable<CsvRecord> Rest(IEnumerator<CsvRecord> records)
    {
        using (records)
            while (records.MoveNext()) yield return records.Current;
    }

    /// <summary>Every record of <paramref name="path"/>, header included; blank lines are skipped.</summary>
    public static IEnumerable<CsvRecord> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        var text = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); text.Append("\"\""); continue; }
                if (ch == '"') quoted = false;
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                text.Append(ch);
                continue;
            }
            if (ch == '\r' && reader.Peek() == '\n') continue;
            if (ch == '\n' || ch == '\r')
            {
                if (any)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(start, fields, text.ToString());
                }
                fields = [];
                field.Clear();
                text.Clear();
                any = false;
                start = ++line;
                continue;
            }
            any = true;
            text.Append(ch);
            if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException($"{path}: line {start}: a quoted field is not closed before the end of the file.");
        if (any)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(start, fields, text.ToString());
        }
    }
}
