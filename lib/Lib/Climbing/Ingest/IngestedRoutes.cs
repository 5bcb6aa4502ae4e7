using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// What an ingest produced: the kit's <see cref="IngestResult{T}"/> of routes (the route table in source order and
/// every record left out, with why), and climbing's extras: the boards it knows, the grade scale, and the account of
/// each source file (records, parsed, reported).
/// </summary>
public sealed record IngestedRoutes(
    IngestResult<Route> Result,
    BoardSet Boards,
    GradeScale Grades,
    IReadOnlyList<ParsedFile> Files
)
{
    /// <summary>The routes of every file, in order.</summary>
    public IReadOnlyList<Route> Routes => Result.Rows;

    /// <summary>Every record reported and skipped, file by file.</summary>
    public IReadOnlyList<RejectedRecord> Rejected => Result.Rejected;

    /// <summary>The routes with a grade (what training uses).</summary>
    public IReadOnlyList<Route> Graded => [.. Routes.Where(r => r.Difficulty is not null)];

    /// <summary>The result of <paramref name="files"/>: their routes and rejections, file by file.</summary>
    public static IngestedRoutes Of(IReadOnlyList<ParsedFile> files, BoardSet boards, GradeScale grades)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new(IngestResult<Route>.Concat(files.Select(f => f.Result)), boards, grades, files);
    }
}
