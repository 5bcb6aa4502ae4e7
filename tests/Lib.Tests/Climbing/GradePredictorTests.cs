using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Climbing.Predict;

namespace Lib.Tests.Climbing;

[Collection("climbing")]
public class GradePredictorTests(ClimbingFixture fixture)
{
    private GradePredictor Predictor => new(fixture.Model);

    [Fact]
    public void A_typed_route_is_graded_on_the_common_scale_with_its_V_grade()
    {
        var route = Predictor.ParseHolds("E6:start C5:start F11 K18:end", "2016", 40);
        Assert.Equal(("MOON2016", 40, "E6:start C5:start F11:middle K18:finish"), (route.Board, route.Angle, RouteTable.HoldsText(route.Holds)));
        var p = Predictor.Predict(route);
        Assert.InRange(p.PredictedDifficulty, 1, 39);
        Assert.Equal($"V{fixture.Model.Grades.VGrade(p.PredictedDifficulty)}", p.PredictedVGrade);
        Assert.EndsWith("/" + p.PredictedVGrade, p.PredictedGrade, StringComparison.Ordinal);
        Assert.Equal(route.Holds, Predictor.ParseHolds("e6:start, c5:start; f11 k18:top", "moon2016", 40).Holds); // case, separators, role names
    }

    [Theory]
    [InlineData("E6:start Z9", "2016", "Board MOON2016 (MoonBoard 2016) has no hold 'Z9'")]
    [InlineData("E6:start", "2018", "Unknown board '2018'; known boards:")]
    [InlineData("E6:start", "tb2-mirror", "Unknown board 'tb2-mirror'")]
    public void Unknown_holds_and_boards_are_clear_errors(string holds, string board, string message) =>
        Assert.Contains(message, Assert.Throws<KeyNotFoundException>(() => Predictor.ParseHolds(holds, board, 40)).Message);

    [Theory]
    [InlineData("E6:jug", "role 'jug' is not start, middle (hand), finish (end) or foot")]
    [InlineData("E6 E6:start", "Hold E6 is given twice")]
    [InlineData("  ", "No holds given")]
    public void Malformed_typed_routes_are_refused(string holds, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Predictor.ParseHolds(holds, "2016", 40)).Message);

    [Fact]
    public void MoonBoard_problem_files_are_graded_record_by_record()
    {
        var input = Predictor.Read(Path.Combine(ClimbingFixture.DataFolder, "moonboard", "smchase_raw_2016-40.json"));
        Assert.Equal(("MoonBoard problems", 405, 3), (input.Format, input.Routes.Count, input.Rejected.Count));
        var predictions = Predictor.Predict(input.Routes);
        Assert.Equal(input.Routes.Select(r => r.RouteId), predictions.Select(p => p.RouteId));
        Assert.Equal(("19215", "Far from the Madding Crowd", 19.0), (predictions[0].RouteId, predictions[0].Name, predictions[0].Difficulty!.Value));

        using var dir = new TempDir();
        var csv = Path.Combine(dir.Path, "out", "predictions.csv");
        GradePredictor.WriteCsv(predictions, csv);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("route_id,name,board,angle,predicted_difficulty,predicted_v_grade,predicted_grade,difficulty,holds", lines[0]);
        Assert.StartsWith("19215,Far from the Madding Crowd,MOON2016,40,", lines[1], StringComparison.Ordinal);
        Assert.Equal(406, lines.Length);
    }

    [Fact]
    public void Kilter_sync_pages_are_graded_with_nothing_but_the_model_folder()
    {
        var input = Predictor.Read(Path.Combine(ClimbingFixture.DataFolder, "kilter", "regisxu_kilter_sync_climbs_page.json"));
        Assert.Equal("Kilter climbs", input.Format);
        Assert.Equal(1995, input.Routes.Count);          // every single-frame climb with an angle, at its own angle
        Assert.Equal(5, input.Rejected.Count);
        var p = Predictor.Predict(input.Routes.First(r => r.RouteId == "f397b10429594c21835a2b515228a1ab"));
        Assert.Equal(("Meaningless Fling", "KILTER8", 45), (p.Name, p.Board, p.Angle));
    }

    [Fact]
    public void Files_of_another_kind_are_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("x.json", "[{\"id\": 1}]");
        Assert.Contains("expected MoonBoard problems (objects with 'moves') or Kilter climbs", Assert.Throws<InvalidDataException>(() => Predictor.Read(path)).Message);
        Assert.Throws<FileNotFoundException>(() => Predictor.Read(Path.Combine(dir.Path, "none.json")));
    }
}
