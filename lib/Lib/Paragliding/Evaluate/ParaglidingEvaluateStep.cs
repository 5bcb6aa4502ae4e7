using System.Globalization;
using System.Text.Json;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Model;
using Lib.Storage;
using Lib.Tensors.IO;
using Lib.Tensors.Training;
using Lib.Tracking;

namespace Lib.Paragliding.Evaluate;

/// <summary>What the evaluate step gives: the evaluation, the files written and the tracked run.</summary>
public sealed record ParaglidingEvaluated(
    ParaglidingEvaluation Evaluation,
    IReadOnlyList<string> Files,
    RunRecord? Run
);

/// <summary>
/// The evaluate step (<c>lab paragliding evaluate</c>, <c>lab paragliding train</c> after training,
/// <c>05-evaluate.dib</c>): loads the model folder, refuses data whose fingerprint differs from the card's, scores
/// the model and the baselines on the test weeks (<see cref="ParaglidingEvaluation"/>), writes
/// <c>metrics.csv</c>, <c>metrics.json</c> and <c>test_predictions.csv</c> beside the model, and records a run
/// (experiment <c>paragliding</c>) in the tracking store when one is given.
/// </summary>
public static class ParaglidingEvaluateStep
{
    /// <summary>The tracking experiment.</summary>
    public const string Experiment = "paragliding";

    /// <summary>Runs the step.</summary>
    /// <exception cref="InvalidOperationException">The data is not the data the model was trained on.</exception>
    public static ParaglidingEvaluated Run(ParaglidingData data, string modelFolder, string? runsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = GlideatorModel.Load(modelFolder);
        if (model.Card.DataFingerprint != data.Set.Fingerprint)
            throw new InvalidOperationException(
                $"{modelFolder} was trained on data {model.Card.DataFingerprint[..12]}, this data is "
                    + $"{data.Set.Fingerprint[..12]}: train again, or evaluate with the data (and weather) it was "
                    + "trained on."
            );
        var evaluation = ParaglidingEvaluation.Run(model, data);
        var files = Write(evaluation, modelFolder);
        RunRecord? run = runsFolder is null ? null : Log(new TrackingStore(runsFolder), model, evaluation);
        return new ParaglidingEvaluated(evaluation, files, run);
    }

    /// <summary>Writes <c>metrics.csv</c>, <c>metrics.json</c> and <c>test_predictions.csv</c> (the calibrated odds
    /// of every scored site-day) into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(ParaglidingEvaluation evaluation, string folder)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Directory.CreateDirectory(folder);
        string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        var metrics = Path.Combine(folder, "metrics.csv");
        CsvFile.Write(
            metrics,
            [
                "predictor",
                "subset",
                "threshold_km",
                "count",
                "positives",
                "brier",
                "log_loss",
                "ece",
                "roc_auc",
                "violations",
            ],
            evaluation.Metrics.Select(m =>
                (IReadOnlyList<string?>)
                    [
                        m.Predictor,
                        m.Subset,
                        m.ThresholdKm.ToString(CultureInfo.InvariantCulture),
                        m.Count.ToString(CultureInfo.InvariantCulture),
                        m.Positives.ToString(CultureInfo.InvariantCulture),
                        F(m.Brier),
                        F(m.LogLoss),
                        F(m.Ece),
                        F(m.RocAuc),
                        F(m.Violations),
                    ]
            )
        );
        var json = Path.Combine(folder, "metrics.json");
        AtomicFile.WriteAllText(
            json,
            JsonSerializer.Serialize(
                new Dictionary<string, double>
                {
                    ["mean_brier_model"] = evaluation.MeanBrier(ParaglidingEvaluation.ModelName),
                    ["mean_brier_calibrated"] = evaluation.MeanBrier(ParaglidingEvaluation.CalibratedName),
                    ["mean_brier_site_month_climatology"] = evaluation.MeanBrier(
                        ParaglidingEvaluation.SiteMonthClimatologyName
                    ),
                    ["mean_brier_site_climatology"] = evaluation.MeanBrier(ParaglidingEvaluation.SiteClimatologyName),
                    ["max_ece_calibrated"] = evaluation.MaxEce(ParaglidingEvaluation.CalibratedName),
                    ["violations_model"] = evaluation.Violations(ParaglidingEvaluation.ModelName),
                    ["violations_calibrated"] = evaluation.Violations(ParaglidingEvaluation.CalibratedName),
                },
                new JsonSerializerOptions { WriteIndented = true }
            )
        );
        var predictions = Path.Combine(folder, "test_predictions.csv");
        CsvFile.Write(
            predictions,
            [
                "site_id",
                "date",
                .. Enumerable.Range(0, DistanceThresholds.Count).Select(DistanceThresholds.Column),
                "max_km",
            ],
            evaluation.Test.Select(
                (s, i) =>
                    (IReadOnlyList<string?>)
                        [
                            s.SiteId,
                            s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            .. evaluation.Calibrated[i].Select(F),
                            F(s.MaxKm),
                        ]
            )
        );
        return [metrics, json, predictions];
    }

    private static RunRecord Log(TrackingStore store, GlideatorModel model, ParaglidingEvaluation evaluation)
    {
        var training = model.Card.Training;
        using var run = store.StartRun(Experiment, "glideator-dcn");
        run.LogParams(
            new Dictionary<string, object?>(training.Options)
            {
                ["parameters"] = training.Parameters,
                ["train_site_days"] = training.TrainSamples,
                ["weather_variables"] = model.Card.Config.WeatherVariables,
            }
        );
        foreach (var e in model.Card.History)
        {
            run.LogMetric(EpochRecord.TrainLossName, e.TrainLoss, e.Epoch);
            foreach (var (k, v) in e.Metrics)
                run.LogMetric(k, v, e.Epoch);
        }
        run.LogMetric("train_seconds", training.Seconds);
        run.LogMetric("test_mean_brier", evaluation.MeanBrier(ParaglidingEvaluation.CalibratedName));
        run.LogMetric("test_mean_brier_raw", evaluation.MeanBrier(ParaglidingEvaluation.ModelName));
        run.LogMetric(
            "test_mean_brier_site_month",
            evaluation.MeanBrier(ParaglidingEvaluation.SiteMonthClimatologyName)
        );
        run.LogMetric("test_max_ece", evaluation.MaxEce(ParaglidingEvaluation.CalibratedName));
        run.LogMetric("test_violations", evaluation.Violations(ParaglidingEvaluation.CalibratedName));
        return run.Record();
    }
}
