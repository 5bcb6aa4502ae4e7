using System.Text;

namespace Lib.Climbing.Ingest;

/// <summary>
/// A small RFC 4180 reader for the boards' CSV tables: a header line, then records of comma-separated
/// fields, quoted with <c>"</c> where they hold commas (<c>"35,KB1"</c>) and <c>""</c> for a quote.
/// Each record keeps its line number so errors can name it.
/// </summary>
internal static class CsvRows
{
    /// <summary>One record: its 1-based line in the file and its fields by header name.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        /// <summary>A field that must be present (the header has it, so it always is).</summary>
        public string this[string name] => Fields[name];
    }

    /// <summary>Reads <paramref name="path"/>; every column in <paramref name="required"/> must be in the header.</summary>
    /// <exception cref="InvalidDataException">The file is empty, lacks a required column, or a record has the wrong number of fields or an open quote.</exception>
    public static List<Row> Read(string path, params string[] required)
    {
        var text = File.ReadAllText(path);
        var records = Split(text, path);
        if (records.Count == 0) throw new InvalidDataException($"{path}: the file is empty; expected a header line.");
        var header = records[0].Fields;
        foreach (var column in required)
            if (!header.Contains(column))
                throw new InvalidDataException($"{path}: line 1: no '{column}' column (the header has {string.Join(", ", header)}).");
        var rows = new List<Row>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line
            if (fields.Count != header.Count)
                throw new InvalidDataException($"{path}: line {line}: {fields.Count} fields, but the header has {header.Count}.");
            var map = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (int i = 0; i < header.Count; i++) map[header[i]] = fields[i];
            rows.Add(new Row(line, map));
        }
        return rows;
    }

    private static List<(int Line, List<string> Fields)> Split(string text, string path)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add((start, fields));
                    fields = [];
                    field.Clear();
                    any = false;
                    start = ++line;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (quoted) throw new InvalidDataException($"{path}: line {start}: a quoted field is never closed.");
        if (any || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }
        return records;
    }
}
