using Lib.Tensors.Training;
using Lib.Tests.Charts;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Tests.Tuning;

public class TuningChartsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private StudyResult Study() =>
        new Study(new TrackingStore(Path.Combine(_dir.Path, "mlruns")), "charts", "loss").Optimize(
            new SearchSpace().LogUniform("lr", 1e-3, 1e-1).Choice("head", "a", "b"),
            new GridSearch(3),
            (p, _) => Math.Abs(Math.Log10(p.Get<double>("lr")) + 2) + (p.Get<string>("head") == "a" ? 0 : 0.5));

    [Fact]
    public void Trials_chart_shows_each_trial_and_the_best_so_far()
    {
        var study = Study();
        var traces = PlotlyFigure.Traces(TuningCharts.Trials(study));
        Assert.Equal(["loss", "best so far"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal(study.Trials.Select(t => t.Value), PlotlyFigure.Numbers(traces[0]!, "y"));
        Assert.Equal(study.BestSoFar(), PlotlyFigure.Numbers(traces[1]!, "y"));
        Assert.Equal([1.0, 1, 0, 0, 0, 0], PlotlyFigure.Numbers(traces[1]!, "y").Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Parameter_panels_put_log_uniform_parameters_on_a_log_axis()
    {
        var study = Study();
        var lr = TuningCharts.Parameter(study, "lr");
        Assert.Equal("log", (string?)PlotlyFigure.Layout(lr)["xaxis"]?["type"]);
        Assert.Equal("lr", PlotlyFigure.AxisTitle(lr, "xaxis"));
        Assert.Null(PlotlyFigure.Layout(TuningCharts.Parameter(study, "head"))["xaxis"]?["type"]);
        Assert.Equal(2, PlotlyFigure.Traces(TuningCharts.Parameters(study)).Count);
        Assert.Throws<KeyNotFoundException>(() => TuningCharts.Parameter(study, "nope"));
    }

    [Fact]
    public void Range_test_chart_plots_loss_against_a_log_learning_rate_and_marks_the_suggestion()
    {
        var result = new LRFinderResult([1e-3, 1e-2, 1e-1], [3, 1, 9], [3, 2, 5], 1e-2, 1e-2, Diverged: true);
        var chart = TuningCharts.RangeTest(result);
        Assert.Equal("log", (string?)PlotlyFigure.Layout(chart)["xaxis"]?["type"]);
        Assert.Equal("learning rate", PlotlyFigure.AxisTitle(chart, "xaxis"));
        var traces = PlotlyFigure.Traces(chart);
        Assert.Equal(["loss", "smoothed", "suggested 0.01"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal([2.0], PlotlyFigure.Numbers(traces[2]!, "y"));
        Assert.Contains("divergence", PlotlyFigure.Title(chart));
    }
}
