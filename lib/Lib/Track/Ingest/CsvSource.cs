using Lib.Storage;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Ingest;

/// <summary>
/// The shared part of the CSV adapters: checks the header has the columns the adapter reads, maps each
/// record to <see cref="RowFields"/> and parses it with <see cref="RowParser"/>; a record with the wrong
/// number of fields, or one that does not parse, is a <see cref="RejectedRecord"/> with its line.
/// </summary>
public abstract class CsvSource : IPerformanceSource
{
    /// <summary>A source called <paramref name="name"/> reading <paramref name="path"/>.</summary>
    protected CsvSource(string name, string path)
    {
        if (
            string.IsNullOrWhiteSpace(name)
            || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
        )
            throw new ArgumentException(
                $"A source name must be lower-case letters, digits and '_', got '{name}'.",
                nameof(name)
            );
        Name = name;
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The columns the adapter reads; the header must have each of them.</summary>
    protected abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The adapter's format name, such as <c>big-south-csv</c>.</summary>
    protected abstract string Format { get; }

    /// <inheritdoc />
    public virtual string Describe() => $"{Format} {Name}";

    /// <summary>The fields of one record, read by column name with <paramref name="column"/> (a column the header
    /// lacks reads as empty: only optional columns can be missing, since <see cref="Columns"/> are checked).</summary>
    protected abstract RowFields Fields(Func<string, string> column);

    /// <inheritdoc />
    public IngestResult<Performance> Read()
    {
        var file = System.IO.Path.GetFileName(Path);
        var (header, records) = CsvFile.Open(Path);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
            index.TryAdd(header[i], i);
        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new FormatException(
                $"{Path}: line 1: the header lacks the column(s) {string.Join(", ", missing)} that the {Format} "
                    + $"adapter reads (header: {string.Join(", ", header)})."
            );

        var rows = new List<Performance>();
        var rejected = new List<RejectedRecord>();
        foreach (var record in records)
        {
            if (record.Fields.Count != header.Count)
            {
                rejected.Add(
                    RejectedRecord.AtLine(
                        file,
                        record.Line,
                        $"the record has {record.Fields.Count} fields, the header {header.Count}",
                        record.Text
                    )
                );
                continue;
            }
            var fields = Fields(name => index.TryGetValue(name, out var at) ? record.Fields[at] : "");
            if (RowParser.TryParse(Name, file, record.Line, fields, out var row, out var reason))
                rows.Add(row);
            else
                rejected.Add(RejectedRecord.AtLine(file, record.Line, reason, record.Text));
        }
        return new IngestResult<Performance>(rows, rejected);
    }

    /// <summary>Collapses runs of whitespace and trims (names are keyed in this form).</summary>
    protected static string Clean(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The one-letter code of a fixed gender, for sources whose file holds one team's men or women.</summary>
    protected static string Code(Gender gender) => gender.Code();
}
