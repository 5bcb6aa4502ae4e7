using Lib.Football.Domain;

namespace Lib.Football.Ingest;

/// <summary>
/// What one reader gave for one source: the rows it could read (in file order), the plays the file itself describes
/// (raw NGS and BDB files carry their plays; the slim CSV's come from <c>plays.csv</c>), and an issue for every row
/// it could not read (missing columns, empty critical fields, values of the wrong type), never dropping one
/// silently.
/// </summary>
public sealed record TrackingFile(
    string Source,
    TrackingFormat Format,
    IReadOnlyList<TrackingRow> Rows,
    IReadOnlyList<Play> Plays,
    IReadOnlyList<ValidationIssue> Issues
)
{
    /// <summary>The records the file holds (rows read + rows left out), header not counted.</summary>
    public int Records { get; init; }
}
