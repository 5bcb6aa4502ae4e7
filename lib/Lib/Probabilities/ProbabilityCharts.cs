using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Probabilities;

/// <summary>
/// Charts of predicted probabilities (Plotly.NET): the reliability diagram, the ROC curve and the precision-recall
/// curve, each for one or more named series (a model before and after calibration, two models …) so they can be
/// compared on one plot.
/// </summary>
public static class ProbabilityCharts
{
    /// <summary>
    /// Observed frequency against mean predicted probability per non-empty bin, one line per series (hover: the bin and
    /// its count; the legend: the ECE), with the diagonal of perfect calibration.
    /// </summary>
    /// <exception cref="ArgumentException">No series was given.</exception>
    public static GenericChart Reliability(params (string Name, ReliabilityDiagram Diagram)[] series)
    {
        Require(series);
        var lines = series.Select(s =>
        {
            var bins = s.Diagram.Bins.Where(b => b.Count > 0).ToList();
            return Chart
                .Line<double, double, string>(
                    bins.Select(b => b.MeanProbability),
                    bins.Select(b => b.FractionPositive),
                    Name: $"{s.Name} (ECE {s.Diagram.Ece:0.000})",
                    ShowMarkers: true
                )
                .WithTraceProperty(
                    "hovertext",
                    bins.Select(b => $"[{b.Lower:0.##}, {b.Upper:0.##}): {b.Count}").ToArray()
                );
        });
        return Chart
            .Combine([.. lines, Diagonal("perfectly calibrated")])
            .WithTitle("Reliability diagram")
            .WithAxisTitles("mean predicted probability", "fraction positive")
            .WithHeight(420);
    }

    /// <summary>
    /// True against false positive rate, one line per series (the legend: the AUC), with the chance diagonal.
    /// </summary>
    /// <exception cref="ArgumentException">No series was given.</exception>
    public static GenericChart Roc(params (string Name, RocCurve Curve)[] series)
    {
        Require(series);
        var lines = series.Select(s =>
            Chart.Line<double, double, string>(
                s.Curve.FalsePositiveRate,
                s.Curve.TruePositiveRate,
                Name: $"{s.Name} (AUC {s.Curve.Auc:0.000})"
            )
        );
        return Chart
            .Combine([.. lines, Diagonal("chance")])
            .WithTitle("ROC curve")
            .WithAxisTitles("false positive rate", "true positive rate")
            .WithHeight(420);
    }

    /// <summary>Precision against recall as steps, one line per series (the legend: the average precision).</summary>
    /// <exception cref="ArgumentException">No series was given.</exception>
    public static GenericChart PrecisionRecall(params (string Name, PrecisionRecallCurve Curve)[] series)
    {
        Require(series);
        var lines = series.Select(s =>
            Chart
                .Line<double, double, string>(
                    s.Curve.Recall,
                    s.Curve.Precision,
                    Name: $"{s.Name} (AP {s.Curve.AveragePrecision:0.000})"
                )
                .WithTraceProperty("line", new Dictionary<string, object> { ["shape"] = "vh" })
        );
        return Chart
            .Combine(lines)
            .WithTitle("Precision-recall curve")
            .WithAxisTitles("recall", "precision")
            .WithHeight(420);
    }

    private static GenericChart Diagonal(string name) =>
        Chart
            .Line<double, double, string>(new[] { 0.0, 1 }, new[] { 0.0, 1 }, Name: name)
            .WithTraceProperty("line", new Dictionary<string, object> { ["dash"] = "dash", ["color"] = "gray" });

    private static void Require<T>(T[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0)
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
    }
}
