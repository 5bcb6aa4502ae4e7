using System.Globalization;
using Lib.Display;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Train;
using Lib.Storage;

namespace Lib.Paragliding.Evaluate;

/// <summary>One fold of a <see cref="ParaglidingCrossValidation"/>: its held-out weeks, the weeks it trained and
/// validated on, and its own scores (mean Brier over thresholds, the calibrated model's largest ECE and violation
/// rate) on its held-out site-days.</summary>
public sealed record CrossValidationFold(
    int Fold,
    IReadOnlyList<string> TestWeeks,
    int TrainWeeks,
    int ValWeeks,
    int TestSiteDays,
    int Over20Km,
    int Epochs,
    double MeanBrierCalibrated,
    double MeanBrierRaw,
    double MeanBrierSiteMonth,
    double MeanBrierSite,
    double MaxEceCalibrated,
    double ViolationsCalibrated
);

/// <summary>
/// Grouped k-fold cross-validation by ISO week (rotating held-out weeks): the weeks cut into <c>k</c> contiguous folds
/// of the salted-hash order (<see cref="WeekSplit.Folds"/>); for each fold the dataset step writes shards with
/// that fold as test weeks (scalers fitted on the fold's training weeks), <see cref="GlideatorTrainer"/> trains on the
/// other weeks with early stopping and calibration on their validation weeks, and
/// <see cref="ParaglidingEvaluation.Run"/> scores the model and both climatologies (fitted on the fold's training
/// weeks) on the held-out fold. <see cref="Pooled"/> scores all out-of-fold predictions together — every site-day
/// predicted exactly once by a model that never saw its week — and <see cref="PerFold"/> gives each fold's own
/// numbers, for the spread.
/// </summary>
public sealed record ParaglidingCrossValidation(
    int Folds,
    ParaglidingEvaluation Pooled,
    IReadOnlyList<CrossValidationFold> PerFold,
    IReadOnlyList<int> FoldOf
)
{
    /// <summary>The folds, declared before the protocol was first run.</summary>
    public const int DefaultFolds = 7;

    /// <summary>The pooled table's subset name.</summary>
    public const string PooledSubset = "all out-of-fold site-days";

    /// <summary>Runs the protocol; each fold's shards go under <c>workFolder/fold-N</c>.</summary>
    public static ParaglidingCrossValidation Run(
        IngestedFlights ingest,
        WeatherTable? weather,
        int folds,
        ParaglidingTrainOptions options,
        string workFolder,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(workFolder);
        var splits = WeekSplit.Folds(SeasonDays.Of(ingest.Flights), folds);
        var test = new List<SiteDay>();
        var raw = new List<double[]>();
        var calibrated = new List<double[]>();
        var site = new List<double[]>();
        var siteMonth = new List<double[]>();
        var foldOf = new List<int>();
        var perFold = new List<CrossValidationFold>();
        using var task = progress?.Start("cross-validation by ISO week", splits.Count, "folds");
        for (int f = 0; f < splits.Count; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = splits[f];
            var data = ParaglidingDatasetStep.Run(ingest, Path.Combine(workFolder, $"fold-{f}"), weather, split);
            var trained = GlideatorTrainer.Train(data, options, progress, cancellationToken);
            var e = ParaglidingEvaluation.Run(trained.Model, data);
            test.AddRange(e.Test);
            raw.AddRange(e.Raw);
            calibrated.AddRange(e.Calibrated);
            site.AddRange(e.SiteClimatology);
            siteMonth.AddRange(e.SiteMonthClimatology);
            foldOf.AddRange(Enumerable.Repeat(f, e.Test.Count));
            perFold.Add(
                new CrossValidationFold(
                    f,
                    [.. split.WeeksOf(DaySplit.Test).Order().Select(Week)],
                    split.WeeksOf(DaySplit.Train).Count,
                    split.WeeksOf(DaySplit.Val).Count,
                    e.Test.Count,
                    e.Test.Count(s => s.Labels[0] > 0.5f),
                    trained.History.Epochs.Count,
                    e.MeanBrier(ParaglidingEvaluation.CalibratedName),
                    e.MeanBrier(ParaglidingEvaluation.ModelName),
                    e.MeanBrier(ParaglidingEvaluation.SiteMonthClimatologyName),
                    e.MeanBrier(ParaglidingEvaluation.SiteClimatologyName),
                    e.MaxEce(ParaglidingEvaluation.CalibratedName),
                    e.Violations(ParaglidingEvaluation.CalibratedName)
                )
            );
            task?.Advance();
        }
        var duplicated = test.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicated is not null)
            throw new InvalidOperationException($"Site-day {duplicated.Key} was held out by more than one fold.");
        var pooled = ParaglidingEvaluation.Score(
            test,
            raw,
            calibrated,
            site,
            siteMonth,
            ingest.ClimatologyBySite,
            PooledSubset
        );
        return new ParaglidingCrossValidation(splits.Count, pooled, perFold, foldOf);
    }

    /// <summary>The sample standard deviation over folds of one fold number (0 with one fold).</summary>
    public double Spread(Func<CrossValidationFold, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = PerFold.Select(value).ToList();
        if (v.Count < 2)
            return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    /// <summary>Writes the pooled table (<c>metrics.csv</c>, <c>metrics.json</c>, <c>test_predictions.csv</c>, the
    /// evaluate step's files) and <c>folds.csv</c> (one row per fold) into <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> Write(string folder)
    {
        var files = ParaglidingEvaluateStep.Write(Pooled, folder).ToList();
        string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, "folds.csv");
        CsvFile.Write(
            path,
            [
                "fold",
                "test_weeks",
                "train_weeks",
                "val_weeks",
                "test_site_days",
                "over_20_km",
                "epochs",
                "mean_brier_calibrated",
                "mean_brier_raw",
                "mean_brier_site_month",
                "mean_brier_site",
                "max_ece_calibrated",
                "violations_calibrated",
            ],
            PerFold.Select(f =>
                (IReadOnlyList<string?>)
                    [
                        I(f.Fold),
                        string.Join(' ', f.TestWeeks),
                        I(f.TrainWeeks),
                        I(f.ValWeeks),
                        I(f.TestSiteDays),
                        I(f.Over20Km),
                        I(f.Epochs),
                        F(f.MeanBrierCalibrated),
                        F(f.MeanBrierRaw),
                        F(f.MeanBrierSiteMonth),
                        F(f.MeanBrierSite),
                        F(f.MaxEceCalibrated),
                        F(f.ViolationsCalibrated),
                    ]
            )
        );
        files.Add(path);
        return files;
    }

    private static string Week((int Year, int Week) w) =>
        string.Create(CultureInfo.InvariantCulture, $"{w.Year}-W{w.Week:00}");
}
