using Lib.Charts;
using Lib.Tensors.Training;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tuning;

/// <summary>The tuning charts (Plotly.NET): a study's metric per trial with the best so far, each parameter against
/// the metric, and a learning-rate range test's loss against the learning rate.</summary>
public static class TuningCharts
{
    /// <summary>The metric of each trial in run order (markers) and the best so far (a line).</summary>
    /// <exception cref="ArgumentException">The study has no trials.</exception>
    public static GenericChart Trials(StudyResult study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Trials.Count == 0)
            throw new ArgumentException($"Study '{study.Name}' has no trials to chart.", nameof(study));
        var order = Enumerable.Range(1, study.Trials.Count).ToList();
        var points = Chart
            .Point<int, double, string>(order, study.Trials.Select(t => t.Value), Name: study.Metric)
            .WithTraceProperty("hovertext", study.Trials.Select(Hover).ToArray());
        var best = Chart.Line<int, double, string>(order, study.BestSoFar(), Name: "best so far");
        return Chart
            .Combine([points, best])
            .WithTitle($"{study.Name}: {study.Metric} per trial ({Direction(study)})")
            .WithAxisTitles("trial (in run order)", study.Metric);
    }

    /// <summary>One panel per parameter: its value against the metric, on a log axis for log-uniform parameters
    /// (up to three panels per row).</summary>
    /// <exception cref="ArgumentException">The study has no trials.</exception>
    public static GenericChart Parameters(StudyResult study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Trials.Count == 0)
            throw new ArgumentException($"Study '{study.Name}' has no trials to chart.", nameof(study));
        var panels = study.Space.Parameters.Select(p => Parameter(study, p.Name)).ToList();
        int columns = Math.Min(3, panels.Count),
            rows = (panels.Count + columns - 1) / columns;
        return Chart
            .Grid(panels, rows, columns)
            .WithTitle($"{study.Name}: {study.Metric} by parameter ({Direction(study)})")
            .WithHeight(300 * rows)
            .WithLayoutProperty("showlegend", false);
    }

    /// <summary>The parameter called <paramref name="name"/> against the metric, one marker per trial.</summary>
    /// <exception cref="KeyNotFoundException">The space has no such parameter.</exception>
    public static GenericChart Parameter(StudyResult study, string name)
    {
        ArgumentNullException.ThrowIfNull(study);
        var domain = study.Space[name];
        var hover = study.Trials.Select(Hover).ToArray();
        var values = study.Trials.Select(t => t.Value);
        var chart =
            domain.ValueType == typeof(string) || domain.ValueType == typeof(bool)
                ? Chart.Point<string, double, string>(
                    study.Trials.Select(t => ParameterDomain.Format(t.Parameters[name])),
                    values,
                    Name: name
                )
                : Chart.Point<double, double, string>(
                    study.Trials.Select(t => Convert.ToDouble(t.Parameters[name], null)),
                    values,
                    Name: name
                );
        chart = chart.WithTraceProperty("hovertext", hover).WithAxisTitles(name, study.Metric);
        return domain.IsLogScale ? LogX(chart) : chart;
    }

    /// <summary>A range test's loss (faint) and smoothed loss against the learning rate on a log axis, with the
    /// suggested learning rate marked.</summary>
    public static GenericChart RangeTest(LRFinderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.LearningRates.Count == 0)
            throw new ArgumentException("The range test recorded no steps.", nameof(result));
        var raw = Chart
            .Line<double, double, string>(result.LearningRates, result.Losses, Name: "loss")
            .WithTraceProperty("opacity", 0.35);
        var smoothed = Chart.Line<double, double, string>(
            result.LearningRates,
            result.SmoothedLosses,
            Name: "smoothed"
        );
        int at = result.LearningRates.ToList().IndexOf(result.SuggestedLearningRate);
        var suggested = Chart.Point<double, double, string>(
            [result.SuggestedLearningRate],
            [result.SmoothedLosses[Math.Max(at, 0)]],
            Name: $"suggested {result.SuggestedLearningRate:G3}"
        );
        return LogX(
            Chart
                .Combine([raw, smoothed, suggested])
                .WithTitle($"learning-rate range test{(result.Diverged ? " (stopped on divergence)" : "")}")
                .WithAxisTitles("learning rate", "loss")
        );
    }

    /// <summary>Puts the chart's x axis on a logarithmic scale (keeping its title).</summary>
    private static GenericChart LogX(GenericChart chart)
    {
        var axis = new Plotly.NET.LayoutObjects.LinearAxis();
        axis.SetProperty("type", "log");
        return chart.WithLayoutProperty("xaxis", axis);
    }

    private static string Hover(TrialResult t) =>
        $"trial {t.Number}{(t.Budget is null ? "" : $", budget {t.Budget}")}: {t.Parameters.Key}";

    private static string Direction(StudyResult study) =>
        study.Mode == MetricMode.Min ? "lower is better" : "higher is better";
}
