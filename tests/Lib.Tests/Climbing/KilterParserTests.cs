using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

/// <summary>Kilter frames and the sync-page parser on hand-made pages over the real Kilter tables.</summary>
public class KilterParserTests
{
    private static readonly Lazy<BoardSet> Boards = new(() =>
    {
        var k = Path.Combine(ClimbingFixture.DataFolder, "kilter");
        var (boards, _, _) = KilterBoards.Load(Path.Combine(k, "ilsenatorov_kilter_holes.csv"), Path.Combine(k, "ilsenatorov_kilter_placements.csv"));
        return new BoardSet(boards);
    });

    [Fact]
    public void Frames_decode_and_encode()
    {
        var holds = KilterFrames.Decode("p1162r13p1166r12p1387r14");
        Assert.Equal([(1162, 13), (1166, 12), (1387, 14)], holds);
        Assert.Equal("p1162r13p1166r12p1387r14", KilterFrames.Encode(holds));
        Assert.Equal("frames break at character 8 ('x1163'); expected p<placement>r<role> repeated",
            Assert.Throws<FormatException>(() => KilterFrames.Decode("p1162r13x1163")).Message);
        Assert.Throws<FormatException>(() => KilterFrames.Decode(""));
    }

    private static string Climb(string uuid, string frames, int angle = 40, int layout = 1, int framesCount = 1) =>
        $$"""{"uuid": "{{uuid}}", "name": "c {{uuid}}", "layout_id": {{layout}}, "angle": {{angle}}, "frames": "{{frames}}", "frames_count": {{framesCount}}}""";

    private static string Stat(string uuid, int angle, string difficulty = "20.5", int ascents = 3) =>
        $$"""{"climb_uuid": "{{uuid}}", "angle": {{angle}}, "difficulty_average": {{difficulty}}, "ascensionist_count": {{ascents}}}""";

    [Fact]
    public void Climbs_resolve_to_holds_and_stats_join_on_uuid_and_angle()
    {
        using var dir = new TempDir();
        var climbs = dir.File("climbs.json", "{\"climbs\": [" + string.Join(",", new[]
        {
            Climb("A", "p1162r12p1166r13p1387r14p1081r15"),
            Climb("B", "p1162r12p1387r14", angle: 30),
            Climb("C", "p1162r12p9999r14"),                   // not a placement of layout 1
            Climb("D", "p1162r12p1387r44"),                   // a homewall role on the original board
            Climb("E", "p1162r12p1387r14", layout: 99),
            Climb("F", "p1162r12p1162r14"),
            Climb("G", "p1162r12p1387r14", framesCount: 2),
            Climb("A", "p1162r12p1387r14"),                   // a uuid again
            Climb("H", "p4208r42p4305r44", layout: 8),
        }) + "]}");
        var stats = dir.File("stats.json", "{\"climb_stats\": [" + string.Join(",", new[]
        {
            Stat("A", 40), Stat("A", 50, "24"), Stat("A", 40), Stat("Z", 40), Stat("C", 40), Stat("B", 30, "null", 0), Stat("H", 45, "0"),
        }) + "]}");
        var (c, s) = KilterParser.Parse(climbs, stats, Boards.Value);

        Assert.Equal(["A@40 20.5", "A@50 24"], s!.Routes.Select(r => $"{r.RouteId}@{r.Angle} {r.GradeText}"));
        Assert.Equal("p1162:start p1166:middle p1387:finish p1081:foot", RouteTable.HoldsText(s.Routes[0].Holds));
        Assert.Equal(["B@30", "H@40"], c.Routes.Select(r => $"{r.RouteId}@{r.Angle}")); // no graded stats: ungraded at the climb's angle
        Assert.All(c.Routes, r => Assert.Null(r.Difficulty));
        Assert.Equal(
        [
            "climbs.json: record 2 (uuid C 'c C'): placement 9999 is not a placement of layout 1 (Kilter Board Original)",
            "climbs.json: record 3 (uuid D 'c D'): role id 44 (placement 1387) is not a role of layout 1 (12 start, 13 middle, 14 finish, 15 foot)",
            "climbs.json: record 4 (uuid E 'c E'): layout_id 99 is not a layout of the placements table",
            "climbs.json: record 5 (uuid F 'c F'): placement 1162 appears twice",
            "climbs.json: record 6 (uuid G 'c G'): a climb of 2 frames (a sequence, not one route)",
            "climbs.json: record 7 (uuid A 'c A'): uuid A appears twice (first at record 0)",
        ], c.Rejected.Select(r => r.ToString()));
        Assert.Equal(
        [
            "stats.json: record 2 (climb_uuid A): a second stats row for climb A at 40°",
            "stats.json: record 3 (climb_uuid Z): climb Z is not on the climbs page climbs.json",
            "stats.json: record 4 (climb_uuid C): its climb (climbs.json record 2) was refused: placement 9999 is not a placement of layout 1 (Kilter Board Original)",
            "stats.json: record 5 (climb_uuid B): no difficulty_average (ungraded; 0 ascensionists)",
            "stats.json: record 6 (climb_uuid H): difficulty_average 0 is not a positive difficulty",
        ], s.Rejected.Select(r => r.ToString()));
        Assert.Equal((9, 7), (c.Records, s.Records));
    }
}
