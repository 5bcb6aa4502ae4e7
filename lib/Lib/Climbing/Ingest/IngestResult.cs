namespace Lib.Climbing.Ingest;

/// <summary>
/// What an ingest produced: the route table, the boards it knows, the grade scale, and an account of
/// every source file (records, parsed, reported) with every reported record and its reason.
/// </summary>
public sealed record IngestResult(IReadOnlyList<Route> Routes, BoardSet Boards, GradeScale Grades, IReadOnlyList<ParsedFile> Files)
{
    /// <summary>Every record reported and skipped, file by file.</summary>
    public IReadOnlyList<RejectedRecord> Rejected => [.. Files.SelectMany(f => f.Rejected)];

    /// <summary>The routes with a grade (what training uses).</summary>
    public IReadOnlyList<Route> Graded => [.. Routes.Where(r => r.Difficulty is not null)];
}
