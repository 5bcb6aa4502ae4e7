using System.Globalization;
using Lib.Climbing.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// The ingested route table as one JSON file (routes, the boards they use, the grade table) that the
/// later steps read back, plus flat files for SQL and spreadsheets: <c>routes.parquet</c> (a row per
/// route, holds as text <c>E6:start C5:start …</c>), <c>holds.parquet</c> (a row per hold),
/// <c>files.csv</c> (each source file's records, parsed and reported) and <c>rejected.csv</c>.
/// </summary>
public sealed record RouteTable(
    IReadOnlyList<Route> Routes,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<GradeEntry> Grades
)
{
    /// <summary>The table of an ingest: every route, and the boards that routes use or that have no routes yet (all of
    /// them).</summary>
    public static RouteTable From(IngestedRoutes result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RouteTable(result.Routes, result.Boards.Boards, result.Grades.Entries);
    }

    /// <summary>The grade scale.</summary>
    public GradeScale Scale() => new(Grades);

    /// <summary>The boards as a set.</summary>
    public BoardSet BoardSet() => new(Boards);

    /// <summary>Writes the table as JSON (atomically).</summary>
    public void Save(string path) => ClimbingJson.Write(path, this);

    /// <summary>Reads a table written by <see cref="Save"/>.</summary>
    public static RouteTable Load(string path) => ClimbingJson.Read<RouteTable>(path);

    /// <summary>Writes <c>routes.parquet</c> (<see cref="RouteRow"/>s) and <c>holds.parquet</c>
    /// (<see cref="HoldRow"/>s), each atomically.</summary>
    public void WriteParquet(string routesPath, string holdsPath)
    {
        var scale = Scale();
        var routes = new List<RouteRow>(Routes.Count);
        var holds = new List<HoldRow>();
        foreach (var r in Routes)
        {
            var grade = r.Difficulty is double d ? scale.Nearest(d) : null;
            routes.Add(
                new RouteRow(
                    r.Key,
                    r.Board,
                    r.Family,
                    r.Layout,
                    r.Angle,
                    r.RouteId,
                    r.Name,
                    r.Difficulty,
                    grade?.Name,
                    r.GradeText,
                    grade?.V,
                    r.Ascents,
                    r.Holds.Count,
                    HoldsText(r.Holds),
                    r.Source,
                    r.Record
                )
            );
            for (int k = 0; k < r.Holds.Count; k++)
                holds.Add(
                    new HoldRow(
                        r.Key,
                        r.Board,
                        r.Angle,
                        r.RouteId,
                        k,
                        r.Holds[k].Hold,
                        r.Holds[k].X,
                        r.Holds[k].Y,
                        r.Holds[k].Role.Code()
                    )
                );
        }
        RecordTable.Write(routes, routesPath);
        RecordTable.Write(holds, holdsPath);
    }

    /// <summary>Holds as text, <c>E6:start C5:start F11:middle K18:finish</c> (the form <c>lab climbing predict
    /// --holds</c> reads).</summary>
    public static string HoldsText(IEnumerable<RouteHold> holds) =>
        string.Join(" ", holds.Select(h => $"{h.Hold}:{h.Role.Code()}"));

    /// <summary>Writes each file's account (<see cref="FileAccount"/>: file, kind, records, parsed, reported, routes)
    /// as CSV.</summary>
    public static void WriteAccount(IReadOnlyList<ParsedFile> files, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(files);
        RecordTable.Write(
            files.Select(f => new FileAccount(f.File, f.Kind, f.Records, f.Parsed, f.Rejected.Count, f.Routes.Count)),
            csvPath
        );
    }

    /// <summary>Writes reported records (source, location, reason, text) as CSV, a header only when there are
    /// none.</summary>
    public static void WriteRejected(IReadOnlyList<RejectedRecord> rejected, string csvPath) =>
        RecordTable.Write(rejected, csvPath);

    /// <summary>A one-line summary: routes, graded, per board.</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Routes.Count} routes ({Routes.Count(r => r.Difficulty is not null)} graded) on "
                + $"{Routes.Select(r => r.Board).Distinct().Count()} boards"
        );
}
