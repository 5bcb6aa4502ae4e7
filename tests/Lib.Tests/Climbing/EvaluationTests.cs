using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

[Collection("climbing")]
public class EvaluationTests(ClimbingFixture fixture)
{
    private static readonly GradeScale Scale = GradeScale.Load(Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));

    [Fact]
    public void Metrics_are_the_textbook_ones_on_a_known_case()
    {
        // errors 0, +1, −2, +3 around truths 16, 18, 20, 22 (V3, V4, V5, V6)
        var m = GradeMetrics.Compute([16, 19, 18, 25], [16, 18, 20, 22], Scale);
        Assert.Equal(4, m.Count);
        Assert.Equal(1.5, m.Mae, 12);
        Assert.Equal(Math.Sqrt(14 / 4.0), m.Rmse, 12);
        Assert.Equal(1 - 14 / 20.0, m.R2, 12);
        Assert.Equal((0.5, 0.75), (m.Within1, m.Within2));
        // V grades: 16→V3 ✓; 19→V4 vs V4 ✓; 18→V4 vs V5 (1 off); 25→V8 vs V6 (2 off)
        Assert.Equal((0.5, 0.75, 1.0), (m.VExact, m.VWithin1, m.VWithin2));
        Assert.Throws<ArgumentException>(() => GradeMetrics.Compute([1], [1, 2], Scale));
    }

    [Fact]
    public void Route_features_measure_holds_height_and_reach()
    {
        var r = Routes.Moon("A1:start A3 D3 D18:finish");
        var f = RouteFeatures.Of(r);
        var b = MoonBoards.Moon2016;
        double Dist(string p, string q) => Math.Sqrt(Math.Pow(b.Hold(p).X - b.Hold(q).X, 2) + Math.Pow(b.Hold(p).Y - b.Hold(q).Y, 2));
        Assert.Equal(4, f.HoldCount);
        Assert.Equal(2.0, f.HeightGained, 12);
        Assert.Equal(Dist("D3", "D18"), f.MaxReach, 12);
        Assert.Equal((Dist("A1", "A3") + Dist("A3", "D3") + Dist("D3", "D18")) / 3, f.MeanReach, 12);
    }

    [Fact]
    public void The_mean_baseline_falls_back_from_board_and_angle_to_board_to_everything()
    {
        var train = new[] { Routes.Moon("A1:start K18:finish", 40, 20, "1"), Routes.Moon("A2:start K18:finish", 40, 22, "2"), Routes.Moon("A3:start K18:finish", 25, 14, "3", "MOON2017") };
        var baseline = new MeanBaseline(train);
        var test = new[] { Routes.Moon("B1:start K18:finish", 40), Routes.Moon("B1:start K18:finish", 25), Routes.Moon("B1:start K18:finish", 40, board: "MOON2017"), Routes.Moon("B1:start K18:finish", 40, board: "MOON2019") };
        Assert.Equal([21, 21, 14, 56 / 3.0], baseline.Predict(test));
    }

    [Fact]
    public void The_linear_baseline_recovers_a_linear_rule()
    {
        // difficulty = 10 + 2 × hold count on one board: ridge with λ = 0.0001 recovers it.
        var train = Enumerable.Range(2, 9).Select(n => Routes.Moon(string.Join(" ", Enumerable.Range(1, n).Select(i => $"A{i}")), difficulty: 10 + 2 * n, id: n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var baseline = new LinearBaseline(train, lambda: 1e-4);
        var test = Routes.Moon("A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12", id: "t");
        Assert.Equal(34, baseline.Predict([test])[0], 1);
        Assert.Equal(["hold_count", "height_gained", "mean_reach", "max_reach", "angle", "board=MOON2016"], baseline.InputNames);
    }

    [Fact]
    public void The_evaluation_groups_writes_and_charts()
    {
        var data = fixture.Data;
        var evaluation = SplitEvaluation.Run(data, fixture.Model, SplitName.Val);
        Assert.Equal(["transformer", "mean baseline", "linear baseline"], evaluation.Predictors);
        var val = data.Split(SplitName.Val);
        Assert.Equal(val.Count, evaluation.Rows.Count);
        Assert.Equal(val.Count, evaluation.Metric("transformer").Count);
        var boards = val.Select(r => r.Board).Distinct().Count();
        var boardAngles = val.Select(r => (r.Board, r.Angle)).Distinct().Count();
        Assert.Equal(3 * (1 + boards + boardAngles), evaluation.Metrics.Count);
        Assert.Equal(val.Count(r => r.Board == "MOON2016"), evaluation.Metric("mean baseline", "MOON2016").Count);
        Assert.Equal(val.Count(r => r.Board == "MOON2017" && r.Angle == 25), evaluation.Metric("linear baseline", "MOON2017@25").Count);

        using var dir = new TempDir();
        SplitEvaluation.Write(evaluation, dir.Path);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "predictions.csv"));
        Assert.Equal("key,board,angle,route_id,name,difficulty,v_grade,transformer,mean baseline,linear baseline", lines[0]);
        Assert.Equal(val.Count + 1, lines.Length);
        Assert.Equal(evaluation.Metrics.Count + 1, File.ReadAllLines(Path.Combine(dir.Path, "metrics.csv")).Length);
        var json = ClimbingJson.Read<List<MetricRow>>(Path.Combine(dir.Path, "metrics.json"));
        Assert.Equal(evaluation.Metrics, json);

        Assert.Equal(boards + 1, Lib.Tests.Charts.PlotlyFigure.Traces(evaluation.PredictedVsTrue("transformer")).Count);
        Assert.Single(Lib.Tests.Charts.PlotlyFigure.Traces(evaluation.VGradeConfusion("linear baseline")));
        Assert.Equal(3, Lib.Tests.Charts.PlotlyFigure.Traces(evaluation.ErrorByBoard()).Count);
        Assert.Throws<KeyNotFoundException>(() => evaluation.PredictedVsTrue("oracle"));
        Assert.Equal(1 + boards, evaluation.Table().Rows.Count / 3);
    }
}
