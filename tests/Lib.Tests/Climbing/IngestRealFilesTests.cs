using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

/// <summary>The ingest on the bundled real files (data/climbing): every record of every file is parsed or reported with a reason.</summary>
public class IngestRealFilesTests
{
    private static readonly Lazy<IngestedRoutes> Result = new(() => ClimbingIngest.Run(ClimbingFixture.DataFolder));

    private static ParsedFile File(string name) => Result.Value.Files.Single(f => f.File == name);

    [Fact]
    public void Every_record_of_every_file_is_parsed_or_reported()
    {
        var counts = Result.Value.Files.ToDictionary(f => f.File, f => (f.Records, f.Parsed, f.Rejected.Count, f.Routes.Count));
        Assert.Equal(new Dictionary<string, (int, int, int, int)>
        {
            ["smchase_raw_2016-40.json"] = (408, 405, 3, 405),
            ["smchase_raw_2017-25.json"] = (166, 166, 0, 166),
            ["smchase_raw_2017-40.json"] = (262, 262, 0, 262),
            ["smchase_raw_2019-25.json"] = (50, 50, 0, 50),
            ["smchase_raw_2019-40.json"] = (298, 298, 0, 298),
            ["smchase_raw_2020-40.json"] = (238, 238, 0, 238),
            ["ilsenatorov_kilter_holes.csv"] = (3294, 3294, 0, 0),
            ["ilsenatorov_kilter_placements.csv"] = (3773, 3773, 0, 0),
            ["regisxu_kilter_sync_climbs_page.json"] = (2000, 1995, 5, 1779), // climbs without a graded stats row: ungraded routes
            ["regisxu_kilter_sync_climb_stats_page.json"] = (2000, 229, 1771, 229),
            ["algrade_tb2_12x12_hold_catalog.csv"] = (996, 996, 0, 0),
        }, counts);
        foreach (var f in Result.Value.Files) Assert.Equal(f.Records, f.Parsed + f.Rejected.Count);
        Assert.Equal(3427, Result.Value.Routes.Count);
        Assert.Equal(1648, Result.Value.Graded.Count);
        Assert.Equal(Result.Value.Routes.Count, Result.Value.Routes.Select(r => r.Key).Distinct().Count());
        Assert.Equal(Result.Value.Files.SelectMany(f => f.Rejected), Result.Value.Result.Rejected); // the kit's IngestResult<Route>, file by file
        Assert.Equal(Result.Value.Files.SelectMany(f => f.Routes), Result.Value.Result.Rows);
    }

    [Fact]
    public void The_bad_MoonBoard_records_are_reported_with_file_record_and_reason_never_repaired()
    {
        var rejected = File("smchase_raw_2016-40.json").Rejected.Select(r => r.ToString()).ToList();
        Assert.Equal(
        [
            "smchase_raw_2016-40.json: record 4 (apiId 19224 'Tess'): move 8: hold E18 appears twice",
            "smchase_raw_2016-40.json: record 52 (apiId 23360 'Blackfish'): move 1: hold 'j5' is not a cell of MoonBoard 2016 (columns A–K, rows 1–18)",
            "smchase_raw_2016-40.json: record 66 (apiId 25521 'jloop'): move 8: hold I18 appears twice",
        ], rejected);
        Assert.DoesNotContain(Result.Value.Routes, r => r.RouteId is "19224" or "23360" or "25521");
    }

    [Fact]
    public void The_bad_Kilter_records_are_reported_by_reason()
    {
        var climbs = File("regisxu_kilter_sync_climbs_page.json").Rejected;
        Assert.Equal(2, climbs.Count(r => r.Reason == "no 'angle' field"));
        Assert.Equal(["a climb of 12 frames (a sequence, not one route)", "a climb of 18 frames (a sequence, not one route)", "a climb of 31 frames (a sequence, not one route)"],
            climbs.Where(r => r.Reason.Contains("frames", StringComparison.Ordinal)).Select(r => r.Reason).Order(StringComparer.Ordinal));
        Assert.Contains(climbs, r => r.Location == "record 4 (uuid 5F9AC49220DF43D08E3A9E0501E0ABD7 'parsley the panda')");

        var stats = File("regisxu_kilter_sync_climb_stats_page.json").Rejected;
        Assert.Equal(1768, stats.Count(r => r.Reason.Contains("is not on the climbs page", StringComparison.Ordinal)));
        Assert.Equal(2, stats.Count(r => r.Reason.StartsWith("no difficulty_average", StringComparison.Ordinal)));
        var refused = Assert.Single(stats, r => r.Reason.StartsWith("its climb", StringComparison.Ordinal));
        Assert.Equal("its climb (regisxu_kilter_sync_climbs_page.json record 268) was refused: a climb of 18 frames (a sequence, not one route)", refused.Reason);
    }

    [Fact]
    public void A_MoonBoard_problem_reads_with_its_holds_roles_grade_angle_and_repeats()
    {
        var r = Result.Value.Routes.Single(x => x.Board == "MOON2016" && x.RouteId == "19215");
        Assert.Equal(("Far from the Madding Crowd", "MoonBoard", "MoonBoard 2016", 40), (r.Name, r.Family, r.Layout, r.Angle));
        Assert.Equal("E6:start C5:start E8:middle F11:middle C13:middle D15:middle D18:finish", RouteTable.HoldsText(r.Holds));
        Assert.Equal(19, r.Difficulty); // 6B+ = 6b+/V4 in the Kilter table
        Assert.Equal("6B+", r.GradeText);
        Assert.Equal(24811, r.Ascents);
        var e6 = r.Holds[0];
        Assert.Equal(-0.2, e6.X, 12); // column E of A–K
        Assert.Equal((6 - 1) / 17.0 * 2 - 1, e6.Y, 12); // row 6 of 1–18
        Assert.All(Result.Value.Routes.Where(x => x.Board == "MOON2017" && x.Source == "smchase_raw_2017-25.json"), x => Assert.Equal(25, x.Angle));
    }

    [Fact]
    public void Kilter_stats_join_their_climb_on_uuid_and_angle_one_route_per_graded_angle()
    {
        var routes = Result.Value.Routes.Where(r => r.RouteId == "d0c3decae5b2465fb0a92bdca45d7748").OrderBy(r => r.Angle).ToList();
        Assert.Equal([(20, 14.0), (30, 15.0)], routes.Select(r => (r.Angle, r.Difficulty!.Value)));
        Assert.All(routes, r => Assert.Equal(("Where's The Feet?", "KILTER1", 1), (r.Name, r.Board, r.Ascents)));
        Assert.Equal("stats row 287, climb record 35", routes[0].Record);

        var homewall = Result.Value.Routes.Single(r => r.RouteId == "f397b10429594c21835a2b515228a1ab");
        Assert.Equal(("KILTER8", "Kilter Board Homewall", 45, 23.0), (homewall.Board, homewall.Layout, homewall.Angle, homewall.Difficulty!.Value));
        Assert.Equal("p4159:foot p4179:foot p4205:foot p4208:start p4242:start p4276:middle p4305:finish", RouteTable.HoldsText(homewall.Holds));
        var p4208 = homewall.Holds[3]; // hole (-16, 60) on a layout spanning x −52…52, y −8…140
        Assert.Equal(72.0 / 104 - 1, p4208.X, 12);
        Assert.Equal(136.0 / 148 - 1, p4208.Y, 12);
        Assert.Equal(1.0, homewall.Holds[6].Y, 12);

        var ungraded = Result.Value.Routes.Single(r => r.RouteId == "A375A5D8AED848D0B485D442B36462F6");
        Assert.Equal(("Korean Board Account", 40, null, 28), (ungraded.Name, ungraded.Angle, ungraded.Difficulty, ungraded.Holds.Count));
    }

    [Fact]
    public void Grades_land_on_one_scale_and_every_hold_lies_in_the_unit_square()
    {
        var graded = Result.Value.Graded;
        Assert.All(graded, r => Assert.InRange(r.Difficulty!.Value, 10, 30));
        Assert.Equal(33, graded.Count(r => r.GradeText == "5+")); // MoonBoard's 5+ is 5c = 15
        Assert.All(graded.Where(r => r.GradeText == "5+"), r => Assert.Equal(15, r.Difficulty));
        Assert.All(Result.Value.Routes.SelectMany(r => r.Holds), h => { Assert.InRange(h.X, -1, 1); Assert.InRange(h.Y, -1, 1); });
        Assert.Equal(new Dictionary<string, int> { ["KILTER1"] = 209, ["KILTER8"] = 20, ["MOON2016"] = 405, ["MOON2017"] = 428, ["MOON2019"] = 348, ["MOONMINI2020"] = 238 },
            graded.GroupBy(r => r.Board).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void The_boards_know_their_holds_and_aliases()
    {
        var boards = Result.Value.Boards;
        Assert.Equal(["MOON2016", "MOON2017", "MOON2019", "MOONMINI2020", "KILTER1", "KILTER2", "KILTER3", "KILTER4", "KILTER5", "KILTER6", "KILTER7", "KILTER8", "TB2MIRROR", "TB2SPRAY"],
            boards.Boards.Select(b => b.Key));
        Assert.Equal((198, 132, 692, 499, 498, 498), (boards.Get("2016").Holds.Count, boards.Get("mini2020").Holds.Count, boards.Get("kilter").Holds.Count,
            boards.Get("homewall").Holds.Count, boards.Get("tb2-mirror").Holds.Count, boards.Get("TB2SPRAY").Holds.Count));
        var e = Assert.Throws<KeyNotFoundException>(() => boards.Get("2018"));
        Assert.Contains("Unknown board '2018'; known boards: MOON2016 (2016, moon2016, moonboard2016)", e.Message);
        Assert.Contains("has no hold 'L1'", Assert.Throws<KeyNotFoundException>(() => MoonBoards.Moon2016.Hold("L1")).Message);
    }
}
