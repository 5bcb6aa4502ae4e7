using System.Globalization;
using Lib.Storage.DuckDb;

namespace Lib.Climbing.Ingest;

/// <summary>
/// The ingested route table as one JSON file (routes, the boards they use, the grade table) that the
/// later steps read back, plus flat files for SQL and spreadsheets: <c>routes.parquet</c> (a row per
/// route, holds as text <c>E6:start C5:start …</c>), <c>holds.parquet</c> (a row per hold),
/// <c>files.csv</c> (each source file's records, parsed and reported) and <c>rejected.csv</c>.
/// </summary>
public sealed record RouteTable(IReadOnlyList<Route> Routes, IReadOnlyList<Board> Boards, IReadOnlyList<GradeEntry> Grades)
{
    /// <summary>The table of an ingest: every route, and the boards that routes use or that have no routes yet (all of them).</summary>
    public static RouteTable From(IngestResult result)
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

    /// <summary>Writes <c>routes.parquet</c> and <c>holds.parquet</c> (each atomically).</summary>
    public void WriteParquet(string routesPath, string holdsPath)
    {
        var scale = Scale();
        using var db = DuckDbDatabase.OpenInMemory();
        using var sql = db.Connect();
        sql.Execute("""
            CREATE TABLE routes (ord INTEGER, key VARCHAR, board VARCHAR, family VARCHAR, layout VARCHAR, angle INTEGER, route_id VARCHAR, name VARCHAR,
                difficulty DOUBLE, grade VARCHAR, grade_text VARCHAR, v_grade INTEGER, ascents INTEGER, hold_count INTEGER, holds VARCHAR, source VARCHAR, record VARCHAR);
            CREATE TABLE holds (ord INTEGER, key VARCHAR, board VARCHAR, angle INTEGER, route_id VARCHAR, hold_index INTEGER, hold VARCHAR, x DOUBLE, y DOUBLE, role VARCHAR);
            """);
        using (var routes = sql.CreateAppender("routes"))
        using (var holds = sql.CreateAppender("holds"))
        {
            int h = 0;
            for (int i = 0; i < Routes.Count; i++)
            {
                var r = Routes[i];
                var grade = r.Difficulty is double d ? scale.Nearest(d) : null;
                routes.AppendRow(i, r.Key, r.Board, r.Family, r.Layout, r.Angle, r.RouteId, r.Name, r.Difficulty, grade?.Name, r.GradeText, grade?.V, r.Ascents,
                    r.Holds.Count, HoldsText(r.Holds), r.Source, r.Record);
                for (int k = 0; k < r.Holds.Count; k++)
                    holds.AppendRow(h++, r.Key, r.Board, r.Angle, r.RouteId, k, r.Holds[k].Hold, r.Holds[k].X, r.Holds[k].Y, r.Holds[k].Role.Code());
            }
        }
        sql.CopyToParquet("SELECT * EXCLUDE (ord) FROM routes ORDER BY ord", routesPath);
        sql.CopyToParquet("SELECT * EXCLUDE (ord) FROM holds ORDER BY ord", holdsPath);
    }

    /// <summary>Holds as text, <c>E6:start C5:start F11:middle K18:finish</c> (the form <c>lab climbing predict --holds</c> reads).</summary>
    public static string HoldsText(IEnumerable<RouteHold> holds) => string.Join(" ", holds.Select(h => $"{h.Hold}:{h.Role.Code()}"));

    /// <summary>Writes each file's account (file, kind, records, parsed, reported, routes) as CSV.</summary>
    public static void WriteAccount(IReadOnlyList<ParsedFile> files, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var db = DuckDbDatabase.OpenInMemory();
        using var sql = db.Connect();
        sql.Execute("CREATE TABLE files (ord INTEGER, file VARCHAR, kind VARCHAR, records INTEGER, parsed INTEGER, reported INTEGER, routes INTEGER)");
        using (var a = sql.CreateAppender("files"))
            for (int i = 0; i < files.Count; i++) a.AppendRow(i, files[i].File, files[i].Kind, files[i].Records, files[i].Parsed, files[i].Rejected.Count, files[i].Routes.Count);
        sql.CopyToCsv("SELECT * EXCLUDE (ord) FROM files ORDER BY ord", csvPath);
    }

    /// <summary>Writes reported records (file, record, reason) as CSV, a header only when there are none.</summary>
    public static void WriteRejected(IReadOnlyList<RejectedRecord> rejected, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        using var db = DuckDbDatabase.OpenInMemory();
        using var sql = db.Connect();
        sql.Execute("CREATE TABLE rejected (ord INTEGER, file VARCHAR, record VARCHAR, reason VARCHAR)");
        using (var a = sql.CreateAppender("rejected"))
            for (int i = 0; i < rejected.Count; i++) a.AppendRow(i, rejected[i].File, rejected[i].Record, rejected[i].Reason);
        sql.CopyToCsv("SELECT * EXCLUDE (ord) FROM rejected ORDER BY ord", csvPath);
    }

    /// <summary>A one-line summary: routes, graded, per board.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Routes.Count} routes ({Routes.Count(r => r.Difficulty is not null)} graded) on {Routes.Select(r => r.Board).Distinct().Count()} boards");
}
