using System.Text;

namespace Lib.Tests.Track;

/// <summary>A small RFC 4180 reader for expected-output files: quoted fields, doubled quotes, newlines inside quotes.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        var rows = Read(File.ReadAllText(path));
        var header = rows[0];
        return rows.Skip(1).Select(r =>
        {
            Assert.True(r.Count == header.Count, $"{path}: a record has {r.Count} fields, the header {header.Count}");
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
