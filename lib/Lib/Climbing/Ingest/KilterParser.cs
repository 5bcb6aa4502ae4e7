using System.Globalization;
using System.Text.Json;
using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Reads Kilter's <c>/sync</c> pages: a climbs page (<c>{"climbs": [{uuid, layout_id, angle, name, frames,
/// frames_count …}]}</c>) and a climb-stats page (<c>{"climb_stats": [{climb_uuid, angle,
/// difficulty_average, ascensionist_count …}]}</c>). Frames are decoded and each placement resolved to
/// its board's hold (x, y) and role; stats join their climb on uuid and angle (a climb graded at several
/// angles gives a route per angle). A climb with no graded stats row becomes one ungraded route at its
/// own angle. Refused, with the reason: climbs missing a field, of several frames, of an unknown layout,
/// with undecodable frames, a placement of another layout, a role the layout does not use, a repeated
/// placement or a repeated uuid; stats rows without a difficulty, for a climb not on the page or refused, or repeated.
/// </summary>
public static class KilterParser
{
    /// <summary>Parses both pages against <paramref name="boards"/> (from <see cref="KilterBoards"/>);
    /// <paramref name="statsPath"/> may be null (every climb ungraded).</summary>
    public static (ParsedFile Climbs, ParsedFile? Stats) Parse(string climbsPath, string? statsPath, BoardSet boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        var climbsFile = Path.GetFileName(climbsPath);
        var climbs = new List<(int Index, string Uuid, Climb? Climb, string? Reason)>();
        var climbRejects = new List<RejectedRecord>();
        using (var document = SourceFile.ReadJson(climbsPath))
        {
            int index = 0;
            foreach (var element in SourceFile.Records(document, climbsPath, "climbs").EnumerateArray())
            {
                var record = new JsonRecord(element);
                var where = record.Describe(index, "uuid");
                try
                {
                    var climb = ReadClimb(record, boards);
                    var first = climbs.FindIndex(c => c.Uuid == climb.Uuid);
                    if (first >= 0)
                        throw new BadRecordException(
                            $"uuid {climb.Uuid} appears twice (first at record {climbs[first].Index})"
                        );
                    climbs.Add((index, climb.Uuid, climb, null));
                }
                catch (BadRecordException e)
                {
                    climbRejects.Add(new RejectedRecord(climbsFile, where, e.Message));
                    var uuid =
                        record.Has("uuid") && record.Get("uuid").ValueKind == JsonValueKind.String
                            ? record.String("uuid")
                            : "";
                    climbs.Add((index, uuid, null, e.Message));
                }
                index++;
            }
        }
        var byUuid = new Dictionary<string, (int Index, Climb? Climb, string? Reason)>(StringComparer.Ordinal);
        foreach (var (index, uuid, climb, reason) in climbs)
            if (uuid.Length > 0)
                byUuid.TryAdd(uuid, (index, climb, reason));

        var gradedRoutes = new List<Route>();
        var graded = new HashSet<string>(StringComparer.Ordinal);
        ParsedFile? statsParsed = null;
        if (statsPath is not null)
        {
            var statsFile = Path.GetFileName(statsPath);
            var statRejects = new List<RejectedRecord>();
            var seen = new HashSet<(string, int)>();
            int index = 0;
            using var document = SourceFile.ReadJson(statsPath);
            foreach (var element in SourceFile.Records(document, statsPath, "climb_stats").EnumerateArray())
            {
                var record = new JsonRecord(element);
                var where = record.Describe(index, "climb_uuid", nameField: null);
                try
                {
                    var uuid = record.String("climb_uuid");
                    var angle = (int)record.Integer("angle");
                    if (!seen.Add((uuid, angle)))
                        throw new BadRecordException($"a second stats row for climb {uuid} at {angle}°");
                    if (!byUuid.TryGetValue(uuid, out var found))
                        throw new BadRecordException($"climb {uuid} is not on the climbs page {climbsFile}");
                    if (found.Climb is null)
                        throw new BadRecordException(
                            $"its climb ({climbsFile} record {found.Index}) was refused: {found.Reason}"
                        );
                    var ascents = record.OptionalInteger("ascensionist_count");
                    if (!record.Has("difficulty_average"))
                        throw new BadRecordException(
                            "no difficulty_average (ungraded; "
                                + $"{ascents?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} ascensionists)"
                        );
                    var difficulty = record.Number("difficulty_average");
                    if (!(difficulty > 0))
                        throw new BadRecordException(
                            $"difficulty_average {difficulty.ToString(CultureInfo.InvariantCulture)} is not a "
                                + "positive difficulty"
                        );
                    var c = found.Climb;
                    gradedRoutes.Add(
                        c.ToRoute(
                            angle,
                            difficulty,
                            ascents is null ? null : (int)ascents,
                            statsFile,
                            $"stats row {index}, climb record {found.Index}"
                        )
                    );
                    graded.Add(uuid);
                }
                catch (BadRecordException e)
                {
                    statRejects.Add(new RejectedRecord(statsFile, where, e.Message));
                }
                index++;
            }
            statsParsed = new ParsedFile(statsFile, "Kilter climb stats page", index, gradedRoutes, statRejects);
        }

        var ungraded = climbs
            .Where(c => c.Climb is not null && !graded.Contains(c.Uuid))
            .Select(c => c.Climb!.ToRoute(c.Climb.Angle, null, null, climbsFile, $"record {c.Index}"))
            .ToList();
        return (new ParsedFile(climbsFile, "Kilter climbs page", climbs.Count, ungraded, climbRejects), statsParsed);
    }

    /// <summary>Parses one climb object into an ungraded route at its own angle.</summary>
    /// <exception cref="InvalidDataException">The climb cannot be used; the message says why.</exception>
    public static Route ParseClimb(JsonElement climb, BoardSet boards, string file, string where)
    {
        try
        {
            return ReadClimb(new JsonRecord(climb), boards).ToRoute(null, null, null, file, where);
        }
        catch (BadRecordException e)
        {
            throw new InvalidDataException($"{file}: {where}: {e.Message}", e);
        }
    }

    private sealed record Climb(Board Board, string Uuid, string Name, int Angle, IReadOnlyList<RouteHold> Holds)
    {
        public Route ToRoute(int? angle, double? difficulty, int? ascents, string file, string where) =>
            new()
            {
                Board = Board.Key,
                Family = Board.Family,
                Layout = Board.Layout,
                Angle = angle ?? Angle,
                RouteId = Uuid,
                Name = Name,
                Holds = Holds,
                Difficulty = difficulty,
                GradeText = difficulty?.ToString("0.###", CultureInfo.InvariantCulture),
                Ascents = ascents,
                Source = file,
                Record = where,
            };
    }

    private static string RolesOf(Board board) =>
        board.FrameRoles.Count == 0
            ? " (its roles are unknown)"
            : $" ({string.Join(", ", board.FrameRoles.Select(r => $"{r.Id} {r.Role.Code()}"))})";

    private static Climb ReadClimb(JsonRecord record, BoardSet boards)
    {
        var uuid = record.String("uuid");
        var name = record.String("name");
        var layout = record.Integer("layout_id");
        var angle = (int)record.Integer("angle");
        var framesCount = record.OptionalInteger("frames_count") ?? 1;
        if (framesCount != 1)
            throw new BadRecordException($"a climb of {framesCount} frames (a sequence, not one route)");
        var board = boards.Find("KILTER" + layout.ToString(CultureInfo.InvariantCulture))
            ?? throw new BadRecordException($"layout_id {layout} is not a layout of the placements table");
        List<(int Placement, int Role)> frames;
        try
        {
            frames = KilterFrames.Decode(record.String("frames"));
        }
        catch (FormatException e)
        {
            throw new BadRecordException(e.Message);
        }
        var holds = new List<RouteHold>(frames.Count);
        foreach (var (placement, roleId) in frames)
        {
            var name_ = "p" + placement.ToString(CultureInfo.InvariantCulture);
            var hold = board.Find(name_)
                ?? throw new BadRecordException(
                    $"placement {placement} is not a placement of layout {layout} ({board.Layout})"
                );
            var role = board.RoleOf(roleId)
                ?? throw new BadRecordException(
                    $"role id {roleId} (placement {placement}) is not a role of layout {layout}" + RolesOf(board)
                );
            if (holds.Any(h => h.Hold == name_))
                throw new BadRecordException($"placement {placement} appears twice");
            holds.Add(new RouteHold(name_, hold.X, hold.Y, role));
        }
        return new Climb(board, uuid, name, angle, holds);
    }
}
