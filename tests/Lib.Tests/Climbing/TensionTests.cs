using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

/// <summary>The Tension Board 2 catalog and routes: a route file placed next to the catalog plugs into the same table.</summary>
public class TensionTests
{
    private static readonly string Catalog = Path.Combine(ClimbingFixture.DataFolder, "tension", "algrade_tb2_12x12_hold_catalog.csv");
    private static readonly GradeScale Scale = GradeScale.Load(Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));

    [Fact]
    public void The_catalog_makes_two_boards_spanning_the_unit_square()
    {
        var (boards, file) = TensionBoards.Load(Catalog);
        Assert.Equal(["TB2MIRROR", "TB2SPRAY"], boards.Select(b => b.Key));
        Assert.Equal((996, 996, 0), (file.Records, file.Parsed, file.Rejected.Count));
        var mirror = boards[0];
        Assert.Equal(498, mirror.Holds.Count);
        Assert.Equal((0.0, -1.0), (mirror.Hold("x0y4").X, mirror.Hold("x0y4").Y));   // raw (0, 4): centre column, bottom row
        Assert.Equal((1.0, 1.0), (mirror.Hold("x64y140").X, mirror.Hold("x64y140").Y));
    }

    [Fact]
    public void Routes_match_catalog_positions_and_bad_ones_are_refused()
    {
        using var dir = new TempDir();
        var file = dir.File("routes.json", """
            [
              {"climb_id": "r1", "layout": "mirror", "angle": 40, "grade": "V5", "holds": [
                {"role": "start", "x": 0.5, "y": 0.0}, {"role": "hand", "x": 0.125, "y": 0.0}, {"role": "finish", "x": 1.0, "y": 1.0}]},
              {"climb_id": 2, "layout": "spray", "angle": 45, "difficulty": 21.5, "holds": [{"role": "start", "x": 0.5, "y": 0.0}]},
              {"climb_id": "r3", "layout": "mirror", "angle": 40, "holds": [{"role": "start", "x": 0.51, "y": 0.0}]},
              {"climb_id": "r4", "layout": "mirror", "angle": 40, "holds": [{"role": "jug", "x": 0.5, "y": 0.0}]},
              {"climb_id": "r5", "layout": "board", "angle": 40, "holds": []},
              {"climb_id": "r6", "layout": "mirror", "angle": 40, "grade": "hard", "holds": [{"role": "start", "x": 0.5, "y": 0.0}]}
            ]
            """);
        var (boards, _) = TensionBoards.Load(Catalog);
        var parsed = TensionRouteParser.Parse(file, new BoardSet(boards), Scale);
        Assert.Equal(["TB2MIRROR/r1@40", "TB2SPRAY/2@45"], parsed.Routes.Select(r => r.Key));
        Assert.Equal("x0y4:start x-48y4:middle x64y140:finish", RouteTable.HoldsText(parsed.Routes[0].Holds));
        Assert.Equal((20.5, 21.5), (parsed.Routes[0].Difficulty!.Value, parsed.Routes[1].Difficulty!.Value)); // V5 = mean of 6c and 6c+
        Assert.Equal(
        [
            "routes.json: record 2 (climb_id r3): hold 0: no Tension Board 2 Mirror hold at x 0.51, y 0 (nearest x0y4)",
            "routes.json: record 3 (climb_id r4): hold 0: role 'jug' is not start, hand, finish or foot",
            "routes.json: record 4 (climb_id r5): layout 'board' is not a layout of the Tension catalog",
            "routes.json: record 5 (climb_id r6): grade 'hard' is neither a V nor a Font grade of the grade table",
        ], parsed.Rejected.Select(r => r.ToString()));
    }

    [Fact]
    public void A_data_folder_with_Tension_routes_ingests_them_with_the_rest()
    {
        using var dir = new TempDir();
        foreach (var sub in new[] { "kilter", "tension" }) Directory.CreateDirectory(Path.Combine(dir.Path, sub));
        File.Copy(Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"), Path.Combine(dir.Path, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));
        File.Copy(Catalog, Path.Combine(dir.Path, "tension", "tb2_hold_catalog.csv"));
        dir.File("tension/tb2_routes.json", """[{"climb_id": "t1", "layout": "spray", "angle": 35, "difficulty": 18, "holds": [{"role": "start", "x": 0.5, "y": 0.0}, {"role": "finish", "x": 1.0, "y": 1.0}]}]""");
        var result = ClimbingIngest.Run(dir.Path);
        var route = Assert.Single(result.Routes);
        Assert.Equal(("TB2SPRAY", "Tension", 35, 18.0), (route.Board, route.Family, route.Angle, route.Difficulty!.Value));
        Assert.Equal(["tb2_hold_catalog.csv", "tb2_routes.json"], result.Files.Select(f => f.File));
    }
}
