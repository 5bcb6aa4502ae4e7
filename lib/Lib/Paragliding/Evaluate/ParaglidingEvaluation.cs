using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;

namespace Lib.Paragliding.Evaluate;

/// <summary>
/// The model and its baselines on the test weeks: per threshold and predictor, Brier, log loss, ECE, ROC AUC and the
/// monotonicity violation rate (<see cref="Metrics"/>), for the network's raw probabilities, the calibrated and
/// monotone ones (calibration fitted on the validation weeks), the per-site and per-site × month climatologies of the
/// training weeks, and — on the sites it covers — Glideator's own climatology beside the model on the same rows.
/// <see cref="Test"/>, <see cref="Raw"/>, <see cref="Calibrated"/> and the two climatologies keep the scored rows
/// (<see cref="ParaglidingCrossValidation"/> pools them over folds).
/// </summary>
public sealed record ParaglidingEvaluation(
    IReadOnlyList<ThresholdMetrics> Metrics,
    IReadOnlyList<SiteDay> Test,
    IReadOnlyList<double[]> Raw,
    IReadOnlyList<double[]> Calibrated,
    IReadOnlyList<double[]> SiteMonthClimatology,
    IReadOnlyList<double[]> SiteClimatology
)
{
    /// <summary>The raw network's name in tables.</summary>
    public const string ModelName = "model";

    /// <summary>The calibrated model's name in tables.</summary>
    public const string CalibratedName = "model calibrated";

    /// <summary>The per-site climatology's name in tables.</summary>
    public const string SiteClimatologyName = "climatology per site";

    /// <summary>The per-site × month climatology's name in tables.</summary>
    public const string SiteMonthClimatologyName = "climatology per site × month";

    /// <summary>Scores <paramref name="model"/> and the baselines on <paramref name="data"/>'s test weeks.</summary>
    public static ParaglidingEvaluation Run(GlideatorModel model, ParaglidingData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var train = data.Set.Split(DaySplit.Train);
        var test = data.Set.Split(DaySplit.Test);
        if (test.Count == 0)
            throw new InvalidOperationException("The data has no test weeks to evaluate on.");
        var raw = model.PredictRaw(test);
        var calibrated = model.Card.Inputs.Calibration?.Apply(raw) ?? raw;
        var site = ClimatologyBaseline.PerSite(train);
        var siteMonth = ClimatologyBaseline.PerSiteMonth(train);
        return Score(
            test,
            raw,
            calibrated,
            site.Predict(test),
            siteMonth.Predict(test),
            data.Ingest.ClimatologyBySite,
            "all test site-days"
        );
    }

    /// <summary>The table of predictions already made: the raw and calibrated model and the two climatologies on
    /// <paramref name="test"/> (row for row), and Glideator's climatology on the sites of
    /// <paramref name="climatologyBySite"/>. <see cref="ParaglidingCrossValidation"/> scores its pooled out-of-fold
    /// predictions with it.</summary>
    public static ParaglidingEvaluation Score(
        IReadOnlyList<SiteDay> test,
        IReadOnlyList<double[]> raw,
        IReadOnlyList<double[]> calibrated,
        IReadOnlyList<double[]> siteClimatology,
        IReadOnlyList<double[]> siteMonthClimatology,
        IReadOnlyDictionary<string, ClimatologySite> climatologyBySite,
        string all
    )
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(climatologyBySite);
        if (
            new[] { raw.Count, calibrated.Count, siteClimatology.Count, siteMonthClimatology.Count }.Any(n =>
                n != test.Count
            )
        )
            throw new ArgumentException("Every predictor needs one row per test site-day.");
        var labels = test.Select(s => s.Labels).ToList();
        var km = DistanceThresholds.Km;
        var rows = new List<ThresholdMetrics>();
        rows.AddRange(ThresholdMetrics.Of(ModelName, all, km, raw, labels));
        rows.AddRange(ThresholdMetrics.Of(CalibratedName, all, km, calibrated, labels));
        rows.AddRange(ThresholdMetrics.Of(SiteClimatologyName, all, km, siteClimatology, labels));
        rows.AddRange(ThresholdMetrics.Of(SiteMonthClimatologyName, all, km, siteMonthClimatology, labels));
        var (matched, glideator) = GlideatorClimatology.Predict(test, climatologyBySite);
        if (matched.Length > 0)
        {
            var subset = $"{climatologyBySite.Count} sites Glideator covers";
            var subsetLabels = matched.Select(i => labels[i]).ToList();
            rows.AddRange(ThresholdMetrics.Of("glideator climatology", subset, km, glideator, subsetLabels));
            rows.AddRange(
                ThresholdMetrics.Of(CalibratedName, subset, km, [.. matched.Select(i => calibrated[i])], subsetLabels)
            );
        }
        return new ParaglidingEvaluation(rows, test, raw, calibrated, siteMonthClimatology, siteClimatology);
    }

    /// <summary>The mean Brier over thresholds of a predictor on a subset (all test site-days when
    /// null).</summary>
    public double MeanBrier(string predictor, string? subset = null)
    {
        subset ??= Metrics[0].Subset;
        return Metrics.Where(m => m.Predictor == predictor && m.Subset == subset).Average(m => m.Brier);
    }

    /// <summary>The largest ECE over thresholds of a predictor on all scored site-days.</summary>
    public double MaxEce(string predictor) =>
        Metrics.Where(m => m.Predictor == predictor && m.Subset == Metrics[0].Subset).Max(m => m.Ece);

    /// <summary>The predictor's monotonicity violation rate.</summary>
    public double Violations(string predictor) => Metrics.First(m => m.Predictor == predictor).Violations;
}
