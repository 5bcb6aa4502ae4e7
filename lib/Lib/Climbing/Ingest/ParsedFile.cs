using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>What one source file gave: its records, the routes parsed from them and the records reported and
/// skipped.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Kind">What the file is (<c>MoonBoard problems</c>, <c>Kilter climbs page</c> …).</param>
/// <param name="Records">The records the file holds.</param>
/// <param name="Routes">Routes made from it (a Kilter stats row makes one; a climb without stats makes an ungraded
/// one).</param>
/// <param name="Rejected">Records reported and skipped.</param>
public sealed record ParsedFile(
    string File,
    string Kind,
    int Records,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<RejectedRecord> Rejected
)
{
    /// <summary>Records that made it into the table (<see cref="Records"/> minus the rejected ones).</summary>
    public int Parsed => Records - Rejected.Count;

    /// <summary>The file's routes and rejections as the kit's ingest result.</summary>
    public IngestResult<Route> Result => new(Routes, Rejected);
}
