using System.Globalization;
using System.Text.Json;
using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Reads MoonBoard API problem objects (the raw form: <c>apiId</c>, <c>name</c>, <c>grade</c> in Font,
/// <c>repeats</c>, <c>holdsetup.description</c>, <c>moonBoardConfigurationId</c>, <c>moves</c> of
/// <c>{description "E6", isStart, isEnd}</c>) into routes. A record is reported and skipped, never
/// repaired, when a field is missing, the set-up or angle is unknown, a hold is not a cell of its board
/// (<c>j5</c>), a hold appears twice, it has no start or no finish, or its grade is not in the grade table.
/// A problem without a grade is kept, ungraded (for prediction).
/// </summary>
public static class MoonBoardParser
{
    /// <summary>Parses a file holding a JSON array of problems (or an object with
    /// <c>data</c>/<c>problems</c>).</summary>
    public static ParsedFile Parse(string path, GradeScale grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        using var document = SourceFile.ReadJson(path);
        var file = Path.GetFileName(path);
        var records = SourceFile.Records(document, path, "data", "problems");
        var routes = new List<Route>();
        var rejected = new List<RejectedRecord>();
        int index = 0;
        foreach (var element in records.EnumerateArray())
        {
            var record = new JsonRecord(element);
            var where = record.Describe(index, "apiId");
            try
            {
                routes.Add(ParseOne(record, grades, file, $"record {index}"));
            }
            catch (BadRecordException e)
            {
                rejected.Add(new RejectedRecord(file, where, e.Message));
            }
            index++;
        }
        return new ParsedFile(file, "MoonBoard problems", index, routes, rejected);
    }

    /// <summary>Parses one problem object; <paramref name="file"/> and <paramref name="where"/> are recorded on the
    /// route.</summary>
    /// <exception cref="InvalidDataException">The problem cannot be used; the message says why.</exception>
    public static Route ParseProblem(JsonElement problem, GradeScale grades, string file, string where)
    {
        try
        {
            return ParseOne(new JsonRecord(problem), grades, file, where);
        }
        catch (BadRecordException e)
        {
            throw new InvalidDataException($"{file}: {where}: {e.Message}", e);
        }
    }

    private static Route ParseOne(JsonRecord record, GradeScale grades, string file, string where)
    {
        var id = record.Integer("apiId").ToString(CultureInfo.InvariantCulture);
        var name = record.String("name");
        var setup = new JsonRecord(record.Get("holdsetup")).String("description");
        var board = MoonBoards.FromSetup(setup)
            ?? throw new BadRecordException(
                $"unknown hold set-up '{setup}' (known: {string.Join(", ", MoonBoards.All.Select(b => b.Layout))})"
            );
        var configuration = record.Integer("moonBoardConfigurationId");
        var angle = MoonBoards.AngleOf((int)configuration)
            ?? throw new BadRecordException(
                $"unknown moonBoardConfigurationId {configuration} (0 or 1 = 40°, 2 = 25°)"
            );
        var grade = record.OptionalString("grade");
        int? difficulty = null;
        if (grade is not null)
            difficulty = grades.TryFromFont(grade, out var d)
                ? d
                : throw new BadRecordException($"grade '{grade}' is not a Font grade of the grade table");

        var holds = new List<RouteHold>();
        int moveIndex = 0;
        foreach (var m in record.Array("moves").EnumerateArray())
        {
            var move = new JsonRecord(m);
            string cell;
            bool isStart,
                isEnd;
            try
            {
                (cell, isStart, isEnd) = (move.String("description"), move.Boolean("isStart"), move.Boolean("isEnd"));
            }
            catch (BadRecordException e)
            {
                throw new BadRecordException($"move {moveIndex}: {e.Message}");
            }
            var hold = board.Find(cell)
                ?? throw new BadRecordException(
                    $"move {moveIndex}: hold '{cell}' is not a cell of {board.Layout} (columns A–K, rows "
                        + $"1–{board.Holds.Max(h => RowOf(h.Name))})"
                );
            if (holds.Any(h => h.Hold == cell))
                throw new BadRecordException($"move {moveIndex}: hold {cell} appears twice");
            if (isStart && isEnd)
                throw new BadRecordException($"move {moveIndex}: hold {cell} is marked both start and end");
            holds.Add(
                new RouteHold(
                    cell,
                    hold.X,
                    hold.Y,
                    isStart ? HoldRole.Start
                        : isEnd ? HoldRole.Finish
                        : HoldRole.Middle
                )
            );
            moveIndex++;
        }
        if (holds.Count == 0)
            throw new BadRecordException("no moves");
        if (!holds.Any(h => h.Role == HoldRole.Start))
            throw new BadRecordException("no start hold (no move has isStart)");
        if (!holds.Any(h => h.Role == HoldRole.Finish))
            throw new BadRecordException("no finish hold (no move has isEnd)");

        var repeats = record.OptionalInteger("repeats");
        return new Route
        {
            Board = board.Key,
            Family = board.Family,
            Layout = board.Layout,
            Angle = angle,
            RouteId = id,
            Name = name,
            Holds = holds,
            Difficulty = difficulty,
            GradeText = grade,
            Ascents = repeats is null ? null : (int)Math.Min(repeats.Value, int.MaxValue),
            Source = file,
            Record = where,
        };
    }

    private static int RowOf(string cell) => int.Parse(cell.AsSpan(1), CultureInfo.InvariantCulture);
}
