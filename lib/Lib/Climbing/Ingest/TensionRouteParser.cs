using System.Globalization;
using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Reads Tension Board 2 routes (one object or an array): <c>climb_id</c>, <c>layout</c> (<c>mirror</c>,
/// <c>spray</c>), <c>angle</c>, optional <c>name</c>, an optional grade (<c>difficulty</c> on the common
/// scale, or <c>grade</c> as a V or Font name) and <c>holds</c> of <c>{role, x, y}</c> with x, y in the
/// catalog's 0–1 units. Each hold is matched to the catalog hold at that position (within 0.002);
/// a route with an unknown layout, a hold off the catalog, an unknown role or a repeated hold is refused.
/// </summary>
public static class TensionRouteParser
{
    private const double Tolerance = 0.002;

    /// <summary>Parses a file of Tension routes against the boards of <see cref="TensionBoards"/>.</summary>
    public static ParsedFile Parse(string path, BoardSet boards, GradeScale grades)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(grades);
        var file = Path.GetFileName(path);
        using var document = SourceFile.ReadJson(path);
        var root = document.RootElement;
        var records =
            root.ValueKind == System.Text.Json.JsonValueKind.Object && !root.TryGetProperty("routes", out _)
                ? [root]
                : SourceFile.Records(document, path, "routes").EnumerateArray().ToList();
        var routes = new List<Route>();
        var rejected = new List<RejectedRecord>();
        for (int index = 0; index < records.Count; index++)
        {
            var record = new JsonRecord(records[index]);
            try
            {
                routes.Add(ParseOne(record, boards, grades, file, $"record {index}"));
            }
            catch (BadRecordException e)
            {
                rejected.Add(new RejectedRecord(file, record.Describe(index, "climb_id"), e.Message));
            }
        }
        return new ParsedFile(file, "Tension Board 2 routes", records.Count, routes, rejected);
    }

    private static Route ParseOne(JsonRecord record, BoardSet boards, GradeScale grades, string file, string where)
    {
        var id =
            record.Get("climb_id").ValueKind == System.Text.Json.JsonValueKind.Number
                ? record.Integer("climb_id").ToString(CultureInfo.InvariantCulture)
                : record.String("climb_id");
        var layout = record.String("layout").Trim().ToLowerInvariant();
        var board = boards.Find("TB2" + layout.ToUpperInvariant())
            ?? throw new BadRecordException($"layout '{layout}' is not a layout of the Tension catalog");
        var angle = (int)record.Integer("angle");
        double? difficulty = null;
        string? gradeText = null;
        if (record.Has("difficulty"))
        {
            difficulty = record.Number("difficulty");
            gradeText = difficulty.Value.ToString("0.###", CultureInfo.InvariantCulture);
        }
        else if (record.OptionalString("grade") is { } grade)
        {
            gradeText = grade;
            if (grades.TryFromFont(grade, out var font))
                difficulty = font;
            else if (grades.TryFromV(grade, out var v))
                difficulty = v;
            else
                throw new BadRecordException($"grade '{grade}' is neither a V nor a Font grade of the grade table");
        }
        var holds = new List<RouteHold>();
        int i = 0;
        foreach (var element in record.Array("holds").EnumerateArray())
        {
            var h = new JsonRecord(element);
            double x,
                y;
            string roleText;
            try
            {
                (x, y, roleText) = (h.Number("x"), h.Number("y"), h.String("role"));
            }
            catch (BadRecordException e)
            {
                throw new BadRecordException($"hold {i}: {e.Message}");
            }
            if (!HoldRoles.TryParse(roleText, out var role))
                throw new BadRecordException($"hold {i}: role '{roleText}' is not start, hand, finish or foot");
            var (bx, by) = (2 * x - 1, 2 * y - 1);
            var match = board.Holds.MinBy(b => Math.Abs(b.X - bx) + Math.Abs(b.Y - by))!;
            if (Math.Abs(match.X - bx) > 2 * Tolerance || Math.Abs(match.Y - by) > 2 * Tolerance)
                throw new BadRecordException(
                    $"hold {i}: no {board.Layout} hold at x {x.ToString(CultureInfo.InvariantCulture)}, y "
                        + $"{y.ToString(CultureInfo.InvariantCulture)} (nearest {match.Name})"
                );
            if (holds.Any(r => r.Hold == match.Name))
                throw new BadRecordException($"hold {i}: {match.Name} appears twice");
            holds.Add(new RouteHold(match.Name, match.X, match.Y, role));
            i++;
        }
        if (holds.Count == 0)
            throw new BadRecordException("no holds");
        return new Route
        {
            Board = board.Key,
            Family = board.Family,
            Layout = board.Layout,
            Angle = angle,
            RouteId = id,
            Name = record.OptionalString("name") ?? id,
            Holds = holds,
            Difficulty = difficulty,
            GradeText = gradeText,
            Ascents = record.OptionalInteger("ascensionist_count") is long a ? (int)a : null,
            Source = file,
            Record = where,
        };
    }
}
