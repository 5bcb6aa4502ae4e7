using Lib.Football.Domain;

namespace Lib.Football.Ingest;

/// <summary>
/// The ingest's product: every tracking row read from every source, in one row type and source order (duplicates and
/// all quirks kept: the validator reports them), the plays they belong to, each file's account and the issues of
/// everything left out (rows that do not read, rows of unknown plays, second copies of a play).
/// </summary>
public sealed record TrackingTable(
    IReadOnlyList<TrackingRow> Rows,
    IReadOnlyDictionary<PlayKey, Play> Plays,
    IReadOnlyList<TrackingFileAccount> Files,
    IReadOnlyList<ValidationIssue> LeftOut
)
{
    /// <summary>The plays in key order.</summary>
    public IEnumerable<Play> PlaysInOrder => Plays.Values.OrderBy(p => p.Key);
}
