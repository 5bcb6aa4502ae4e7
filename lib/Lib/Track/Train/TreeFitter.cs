using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Workflow;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Lib.Track.Train;

/// <summary>
/// Grows <see cref="BoostedTrees"/> on training windows (ML.NET FastTree, least squares on the clipped gain over the
/// last peak) and fits their <see cref="TreeMix"/> with a trained model on the validation windows: per event family
/// the trees' share on a 0–1 grid that gives the least error in percent of the mark, the share over all windows for
/// families with fewer than <see cref="MinimumWindows"/>. Test windows never reach it.
/// </summary>
public static class TreeFitter
{
    /// <summary>The validation windows a family needs for a share of its own.</summary>
    public const int MinimumWindows = 30;

    /// <summary>The grid's step.</summary>
    public const double Step = 0.1;

    /// <summary>
    /// Trees grown on <paramref name="rows"/> (features and the target gains, clipped to ± the settings' clip).
    /// </summary>
    public static BoostedTrees Grow(
        IReadOnlyList<float[]> rows,
        IReadOnlyList<double> gains,
        TreeSettings settings,
        int seed
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Subsample is <= 0 or > 1 || settings.FeatureFraction is <= 0 or > 1)
            throw new ArgumentException(
                $"The subsample ({settings.Subsample}) and feature fraction ({settings.FeatureFraction}) "
                    + "must be in (0, 1]."
            );
        if (rows.Count == 0 || rows.Count != gains.Count)
            throw new ArgumentException($"{rows.Count} rows and {gains.Count} gains: need as many, at least one.");
        if (settings.Bags < 1)
            throw new ArgumentException($"Bags must be at least 1, not {settings.Bags}.");
        var ml = new MLContext(seed);
        var clip = settings.ClipGain;
        var view = BoostedTrees.View(
            ml,
            rows,
            WindowFeatures.Count,
            [.. gains.Select(g => (float)Math.Clamp(g, -clip, clip))]
        );
        var models = new List<ITransformer>();
        for (var bag = 0; bag < settings.Bags; bag++)
        {
            var trainer = ml.Regression.Trainers.FastTree(
                new FastTreeRegressionTrainer.Options
                {
                    NumberOfTrees = settings.Trees,
                    NumberOfLeaves = settings.Leaves,
                    MinimumExampleCountPerLeaf = settings.MinimumLeafRows,
                    LearningRate = settings.LearningRate,
                    BaggingSize = settings.Subsample < 1 ? 1 : 0,
                    BaggingExampleFraction = settings.Subsample,
                    FeatureFraction = settings.FeatureFraction,
                    Seed = seed + bag,
                    FeatureSelectionSeed = seed + bag,
                    NumberOfThreads = 1,
                    FeatureColumnName = nameof(BoostedTrees.Row.Features),
                    LabelColumnName = nameof(BoostedTrees.Row.Label),
                }
            );
            models.Add(trainer.Fit(view));
        }
        return new BoostedTrees(ml, models, WindowFeatures.Count);
    }

    /// <summary>The features of <paramref name="windows"/>, each in the standardisation <paramref name="scales"/>,
    /// and their target gains over the last peak (windows of events without a scale are left out).</summary>
    public static (List<float[]> Rows, List<double> Gains) Rows(
        IEnumerable<Window> windows,
        IReadOnlyDictionary<string, EventScale> scales
    )
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(scales);
        var (rows, gains) = (new List<float[]>(), new List<double>());
        foreach (var w in windows)
        {
            if (!scales.TryGetValue(w.History.Event.Code, out var scale))
                continue;
            rows.Add(WindowFeatures.Of(w.History.Event, w.Inputs, w.Label, scale));
            gains.Add(WindowFeatures.Gain(w.History.Event, w.Actual, w.Last.Peak));
        }
        return (rows, gains);
    }

    /// <summary>
    /// The mix of <paramref name="trees"/> with <paramref name="model"/> (its network and blend) on
    /// <paramref name="validation"/> (windows of events the model knows); with the mean of peaks' shares when
    /// <paramref name="settings"/> asks for them.
    /// </summary>
    public static TreeMix Fit(
        TrackModel model,
        BoostedTrees trees,
        IReadOnlyList<Window> validation,
        TreeSettings settings
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(settings);
        var known = validation.Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();
        if (known.Count == 0)
            throw new InvalidOperationException("No validation windows in the model's events: no mix to fit.");
        var samples = known.Select(model.Encoder.Encode).ToList();
        var network = model.PredictNetwork(samples);
        var gains = trees.Predict([.. samples.Select(s => s.Features)]);
        var rows = known
            .Select(
                (w, i) =>
                    new Row(
                        w.History.Event.Family,
                        w.History.AthleteKey,
                        network[i],
                        WindowFeatures.FromGain(w.History.Event, gains[i], samples[i].LastPeak),
                        TrackModel.MeanOfPeaks(w.History.Event, samples[i]),
                        w.Actual
                    )
            )
            .ToList();
        var mix = Shares(rows, settings);
        return mix with
        {
            ValidationError = new TreeValidation(
                Error(rows, r => r.Network),
                Error(rows, r => mix.Apply(r.Family, r.Network, r.Trees, r.Mean)),
                Error(rows, r => r.Trees),
                rows.Count,
                CrossFitted(rows, settings with { MeanOfPeaks = false }),
                CrossFitted(rows, settings with { MeanOfPeaks = true })
            ),
        };
    }

    private sealed record Row(
        EventFamily Family,
        string Athlete,
        double Network,
        double Trees,
        double Mean,
        double Actual
    );

    /// <summary>The shares fitted on <paramref name="rows"/> (the validation errors left at zero).</summary>
    private static TreeMix Shares(IReadOnlyList<Row> rows, TreeSettings settings)
    {
        var pooled = Best(rows, (r, s) => r.Network + s * (r.Trees - r.Network));
        var shares = rows.GroupBy(r => r.Family)
            .Where(g => g.Count() >= MinimumWindows)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => g.Key.ToString(),
                g => Best([.. g], (r, s) => r.Network + s * (r.Trees - r.Network)),
                StringComparer.Ordinal
            );
        var mix = new TreeMix(
            shares,
            pooled,
            MinimumWindows,
            WindowFeatures.Names,
            settings,
            new TreeValidation(0, 0, 0, rows.Count)
        );
        if (!settings.MeanOfPeaks)
            return mix;
        // The mean of peaks after the trees' mix, per family shrunk toward the pooled share by its window count.
        double Mixed(Row r) => mix.Apply(r.Family, r.Network, r.Trees);
        var meanPooled = Best(rows, (r, s) => Mixed(r) + s * (r.Mean - Mixed(r)));
        var meanShares = rows.GroupBy(r => r.Family)
            .Where(g => g.Count() >= MinimumWindows)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => g.Key.ToString(),
                g =>
                {
                    var own = Best([.. g], (r, s) => Mixed(r) + s * (r.Mean - Mixed(r)));
                    var n = g.Count();
                    return Math.Round((n * own + MinimumWindows * meanPooled) / (n + MinimumWindows), 3);
                },
                StringComparer.Ordinal
            );
        return mix with { MeanShares = meanShares, MeanPooled = meanPooled };
    }

    /// <summary>The mix's error when its shares are fitted on one half of the athletes and scored on the other (both
    /// ways; the halves by a stable hash of the athlete key).</summary>
    private static double CrossFitted(IReadOnlyList<Row> rows, TreeSettings settings)
    {
        var forecasts = new List<double>();
        var actual = new List<double>();
        for (var half = 0; half < 2; half++)
        {
            var fit = rows.Where(r => Half(r.Athlete) != half).ToList();
            var score = rows.Where(r => Half(r.Athlete) == half).ToList();
            if (fit.Count == 0 || score.Count == 0)
                continue;
            var mix = Shares(fit, settings);
            forecasts.AddRange(score.Select(r => mix.Apply(r.Family, r.Network, r.Trees, r.Mean)));
            actual.AddRange(score.Select(r => r.Actual));
        }
        return forecasts.Count == 0
            ? double.NaN
            : RegressionMetrics.Compute([.. forecasts], [.. actual]).PercentError;
    }

    private static int Half(string athlete)
    {
        var hash = 2166136261u; // FNV-1a: stable across runs, unlike string.GetHashCode
        foreach (var c in athlete)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % 2);
    }

    private static double Best(IReadOnlyList<Row> rows, Func<Row, double, double> forecast)
    {
        var (best, bestError) = (0.0, double.PositiveInfinity);
        for (var k = 0; k * Step <= 1 + 1e-9; k++)
        {
            var share = Math.Round(k * Step, 2);
            var error = Error(rows, r => forecast(r, share));
            if (error < bestError - 1e-12)
                (best, bestError) = (share, error);
        }
        return best;
    }

    private static double Error(IReadOnlyList<Row> rows, Func<Row, double> forecast) =>
        RegressionMetrics.Compute([.. rows.Select(forecast)], [.. rows.Select(r => r.Actual)]).PercentError;
}
