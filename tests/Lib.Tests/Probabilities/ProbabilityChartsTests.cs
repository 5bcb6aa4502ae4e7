using Lib.Probabilities;
using Lib.Tests.Charts;

namespace Lib.Tests.Probabilities;

public class ProbabilityChartsTests
{
    private static readonly bool[] Labels = [false, false, true, true];
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8];

    [Fact]
    public void Reliability_diagram_plots_non_empty_bins_and_the_diagonal()
    {
        var diagram = ReliabilityDiagram.Compute([0.05, 0.15, 0.95, 0.9], [false, true, true, true]);
        var chart = ProbabilityCharts.Reliability(("model", diagram));
        var traces = PlotlyFigure.Traces(chart);
        Assert.Equal(["model (ECE 0.263)", "perfectly calibrated"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal([0.05, 0.15, 0.925], PlotlyFigure.Numbers(traces[0]!, "x").Select(x => Math.Round(x, 12)));
        Assert.Equal([0.0, 1, 1], PlotlyFigure.Numbers(traces[0]!, "y"));
        Assert.Equal("[0.9, 1): 2", (string)traces[0]!["hovertext"]![2]!);
        Assert.Equal("mean predicted probability", PlotlyFigure.AxisTitle(chart, "xaxis"));
    }

    [Fact]
    public void Roc_and_pr_charts_name_their_areas()
    {
        var roc = ProbabilityCharts.Roc(("model", RocCurve.Compute(Scores, Labels)));
        var rocTraces = PlotlyFigure.Traces(roc);
        Assert.Equal(["model (AUC 0.750)", "chance"], rocTraces.Select(t => (string)t!["name"]!));
        Assert.Equal([0, 0, 0.5, 0.5, 1], PlotlyFigure.Numbers(rocTraces[0]!, "x"));
        var pr = ProbabilityCharts.PrecisionRecall(("model", PrecisionRecallCurve.Compute(Scores, Labels)));
        var trace = Assert.Single(PlotlyFigure.Traces(pr))!;
        Assert.Equal("model (AP 0.833)", (string)trace["name"]!);
        Assert.Equal("vh", (string)trace["line"]!["shape"]!);
        Assert.Throws<ArgumentException>(() => ProbabilityCharts.Roc());
    }
}
