using Lib.Storage;
using Lib.Workflow;

namespace Lib.Track.Predict;

/// <summary>
/// One row of a batch's <c>requests.csv</c> (<c>athlete, gender, event, target_label</c>): whose peak to forecast, in
/// which event, for which season label. The fields are kept as written; <see cref="BatchForecaster"/> reads them.
/// </summary>
/// <param name="Source">The file's name (or <c>athlete page</c>), for the rejections.</param>
/// <param name="Line">The line the row starts on.</param>
/// <param name="Athlete">The athlete's name, as in the performances.</param>
/// <param name="Gender"><c>men</c> or <c>women</c> (or M/F).</param>
/// <param name="Event">A name or code the catalogue knows.</param>
/// <param name="TargetLabel"><c>indoor</c>, <c>outdoor</c> or <c>xc</c>.</param>
/// <param name="Text">The row as written.</param>
public sealed record ForecastRequest(
    string Source,
    int Line,
    string Athlete,
    string Gender,
    string Event,
    string TargetLabel,
    string Text = ""
)
{
    /// <summary>The columns a requests file must have.</summary>
    public static readonly IReadOnlyList<string> Columns = ["athlete", "gender", "event", "target_label"];

    /// <summary>Reads <paramref name="path"/>: every row with the four columns, or a rejection (wrong field count) with
    /// its line. <see cref="FormatException"/> naming the file when the header lacks a column.</summary>
    public static IngestResult<ForecastRequest> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The requests file '{path}' does not exist.", path);
        var file = Path.GetFileName(path);
        var (header, records) = CsvFile.Open(path);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
            index.TryAdd(header[i].Trim(), i);
        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new FormatException(
                $"{path}: line 1: the header lacks the column(s) {string.Join(", ", missing)} (expected "
                    + $"{string.Join(", ", Columns)}; header: {string.Join(", ", header)})."
            );
        var rows = new List<ForecastRequest>();
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
            string Field(string name) => record.Fields[index[name]].Trim();
            rows.Add(
                new ForecastRequest(
                    file,
                    record.Line,
                    Field("athlete"),
                    Field("gender"),
                    Field("event"),
                    Field("target_label"),
                    record.Text
                )
            );
        }
        return new IngestResult<ForecastRequest>(rows, rejected);
    }
}
