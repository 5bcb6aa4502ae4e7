using Lib.Workflow;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Tests.Climbing;

namespace Lib.Tests.Charts;

public class ClimbingEvaluationChartsTests
{
    private static readonly GradeScale Scale = GradeScale.Load(
        Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));

    /// <summary>Predicts fixed difficulties, in route order.</summary>
    private sealed class Fixed(string name, params double[] values) : IPredictor<Route>
    {
        public string Name => name;
        public double[] Predict(IReadOnlyList<Route> routes) => values;
    }

    private static Evaluation Run()
    {
        Route[] routes =
        [
            Routes.Moon("A1:start K18:finish", difficulty: 16, id: "1"),
            Routes.Moon("A1:start K18:finish", difficulty: 22, id: "2"),
            Routes.Moon("A1:start K18:finish", difficulty: 22, id: "3", board: "MOON2017"),
        ];
        return Evaluation.Run(routes, [new Fixed("exact", 16, 22, 22), new Fixed("flat", 19, 19, 19)], Scale);
    }

    [Fact]
    public void Predicted_vs_true_has_one_series_per_board_and_the_diagonal()
    {
        var chart = Run().PredictedVsTrue("flat");
        var traces = PlotlyFigure.Traces(chart);
        Assert.Equal(["MOON2016", "MOON2017", "exact"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal(["markers", "markers", "lines"], traces.Select(t => (string)t!["mode"]!));
        Assert.Equal([16.0, 22], PlotlyFigure.Numbers(traces[0]!, "x"));
        Assert.Equal([19.0, 19], PlotlyFigure.Numbers(traces[0]!, "y"));
        Assert.Equal(["route 1 (MOON2016/1@40)", "route 2 (MOON2016/2@40)"],
            traces[0]!["hovertext"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([16.0, 22], PlotlyFigure.Numbers(traces[2]!, "x"));
        Assert.Equal("flat: predicted vs true difficulty", PlotlyFigure.Title(chart));
        Assert.Equal(("true difficulty", "predicted difficulty"),
            (PlotlyFigure.AxisTitle(chart, "xaxis"), PlotlyFigure.AxisTitle(chart, "yaxis")));
        Assert.Equal(420, (int)PlotlyFigure.Layout(chart)["height"]!);
    }

    [Fact]
    public void The_confusion_matrix_holds_row_shares_with_gaps_for_grades_no_route_has()
    {
        var evaluation = Run();
        var chart = evaluation.VGradeConfusion("flat");
        var heatmap = Assert.Single(PlotlyFigure.Traces(chart))!;
        Assert.Equal("heatmap", (string)heatmap["type"]!);
        int v16 = Scale.VGrade(16), v19 = Scale.VGrade(19), v22 = Scale.VGrade(22);
        int lo = Math.Min(v16, v19), n = Math.Max(v22, v19) - lo + 1;
        var labels = heatmap["x"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(Enumerable.Range(lo, n).Select(v => $"V{v}"), labels);
        var z = heatmap["z"]!.AsArray();
        Assert.Equal(1.0, (double)z[v22 - lo]![v19 - lo]!); // both true-V22 routes were predicted V(19)
        Assert.Equal(1.0, (double)z[v16 - lo]![v19 - lo]!);
        if (v19 != v16 && v19 != v22) Assert.Null(z[v19 - lo]![0]); // no route is truly V(19): a gap, not 0
        Assert.Equal("%{z:.2f}", (string)heatmap["texttemplate"]!);
        Assert.Equal(("predicted V grade", "true V grade"),
            (PlotlyFigure.AxisTitle(chart, "xaxis"), PlotlyFigure.AxisTitle(chart, "yaxis")));
    }

    [Fact]
    public void Error_by_board_is_one_box_per_predictor_grouped_by_board()
    {
        var chart = Run().ErrorByBoard();
        var boxes = PlotlyFigure.Traces(chart);
        Assert.Equal(["exact", "flat"], boxes.Select(t => (string)t!["name"]!));
        Assert.All(boxes, t => Assert.Equal("box", (string)t!["type"]!));
        Assert.Equal(["MOON2016", "MOON2016", "MOON2017"], boxes[1]!["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([3.0, 3, 3], PlotlyFigure.Numbers(boxes[1]!, "y"));
        Assert.Equal([0.0, 0, 0], PlotlyFigure.Numbers(boxes[0]!, "y"));
        Assert.Equal("group", (string)PlotlyFigure.Layout(chart)["boxmode"]!);
        Assert.Equal("board", PlotlyFigure.AxisTitle(chart, "xaxis"));
    }
}
