using Lib.Charts;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;
using Lib.Probabilities;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Paragliding.Evaluate;

/// <summary>
/// The evaluation's charts: Brier per threshold for every predictor, reliability and ROC at one threshold, the
/// site-embedding similarity, a map of the sites coloured by their mean calibrated probability, and a wind-sector
/// polar plot.
/// </summary>
public static class EvaluationCharts
{
    /// <summary>Brier score per threshold, one line per predictor (all test site-days).</summary>
    public static GenericChart BrierByThreshold(ParaglidingEvaluation evaluation)
    {
        var subset = evaluation.Metrics[0].Subset;
        var lines = evaluation
            .Metrics.Where(m => m.Subset == subset)
            .GroupBy(m => m.Predictor)
            .Select(g =>
                Chart.Line<int, double, string>(
                    g.Select(m => m.ThresholdKm),
                    g.Select(m => m.Brier),
                    Name: g.Key,
                    ShowMarkers: true
                )
            );
        return Chart
            .Combine(lines)
            .WithTitle("Brier score per distance threshold (test weeks; lower is better)")
            .WithAxisTitles("threshold (km)", "Brier")
            .WithHeight(400);
    }

    /// <summary>Reliability of raw, calibrated and site × month climatology at threshold index
    /// <paramref name="k"/>.</summary>
    public static GenericChart Reliability(ParaglidingEvaluation evaluation, int k)
    {
        var y = evaluation.Test.Select(s => s.Labels[k] > 0.5f).ToArray();
        ReliabilityDiagram D(IReadOnlyList<double[]> p) => ReliabilityDiagram.Compute([.. p.Select(r => r[k])], y);
        return ProbabilityCharts
            .Reliability(
                (ParaglidingEvaluation.ModelName, D(evaluation.Raw)),
                (ParaglidingEvaluation.CalibratedName, D(evaluation.Calibrated)),
                ("climatology per site × month", D(evaluation.SiteMonthClimatology))
            )
            .WithTitle($"Reliability at {DistanceThresholds.Km[k]} km (test weeks)");
    }

    /// <summary>ROC of calibrated model and site × month climatology at threshold index <paramref name="k"/>.</summary>
    public static GenericChart Roc(ParaglidingEvaluation evaluation, int k)
    {
        var y = evaluation.Test.Select(s => s.Labels[k] > 0.5f).ToArray();
        RocCurve C(IReadOnlyList<double[]> p) => RocCurve.Compute([.. p.Select(r => r[k])], y);
        return ProbabilityCharts
            .Roc(
                (ParaglidingEvaluation.CalibratedName, C(evaluation.Calibrated)),
                ("climatology per site × month", C(evaluation.SiteMonthClimatology))
            )
            .WithTitle($"ROC at {DistanceThresholds.Km[k]} km (test weeks)");
    }

    /// <summary>Cosine similarity of the learned site embeddings (sites in id order).</summary>
    public static GenericChart EmbeddingSimilarity(GlideatorModel model)
    {
        var similarity = SiteEmbeddings.Similarity(model);
        var names = model.Card.Inputs.Sites.Select(s => s.SiteId).ToArray();
        return Chart
            .Heatmap<double, string, string, string>(similarity.Select(r => r.AsEnumerable()), X: names, Y: names)
            .WithTitle("Site-embedding similarity (cosine)")
            .WithHeight(640);
    }

    /// <summary>The sites on a map, coloured by their mean calibrated P(&gt; t_k) over the test weeks.</summary>
    public static GenericChart ProbabilityMap(ParaglidingEvaluation evaluation, GlideatorModel model, int k)
    {
        var sites = model.Card.Inputs.Sites;
        var mean = new double[sites.Count];
        var count = new int[sites.Count];
        for (int i = 0; i < evaluation.Test.Count; i++)
        {
            mean[evaluation.Test[i].SiteIndex] += evaluation.Calibrated[i][k];
            count[evaluation.Test[i].SiteIndex]++;
        }
        return FlightCharts.SiteMap(
            sites,
            [.. mean.Select((m, i) => count[i] == 0 ? 0 : m / count[i])],
            $"P(> {DistanceThresholds.Km[k]} km)",
            $"Mean calibrated P(flight > {DistanceThresholds.Km[k]} km) per site, test weeks"
        );
    }

    /// <summary>
    /// A wind rose of the sites: per sector, the number of sites whose launch suits that wind well (2 in the site
    /// list), and the mean calibrated P(&gt; t_k) of those sites over the test weeks.
    /// </summary>
    public static GenericChart WindSectors(
        ParaglidingEvaluation evaluation,
        IReadOnlyDictionary<string, LaunchSite> launchBySite,
        int k
    )
    {
        var bySite = evaluation
            .Test.Select((s, i) => (s.SiteId, P: evaluation.Calibrated[i][k]))
            .GroupBy(p => p.SiteId)
            .ToDictionary(g => g.Key, g => g.Average(p => p.P));
        var names = Domain.WindSectors.Names.Select(n => n.ToUpperInvariant()).ToArray();
        var sites = new double[names.Length];
        var p = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var suited = launchBySite.Where(l => l.Value.Wind[j] == 2 && bySite.ContainsKey(l.Key)).ToList();
            sites[j] = suited.Count;
            p[j] = suited.Count == 0 ? 0 : suited.Average(l => bySite[l.Key]);
        }
        return Chart
            .Combine([
                Chart.BarPolar<double, string, string>(sites, names, Name: "sites suited (2)"),
                Chart.LinePolar<double, string, string>(
                    p.Select(v => v * sites.Max() / Math.Max(p.Max(), 1e-9)),
                    names,
                    Name: $"mean P(> {DistanceThresholds.Km[k]} km), scaled to the bars",
                    ShowMarkers: true
                ),
            ])
            .WithTitle("Wind sectors the launches suit, and their sites' mean odds")
            .WithHeight(460);
    }
}
