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
        if (rows.Count == 0 || rows.Count != gains.Count)
            throw new ArgumentException($"{rows.Count} rows and {gains.Count} gains: need as many, at least one.");
        var ml = new MLContext(seed);
        var clip = settings.ClipGain;
        var view = BoostedTrees.View(
            ml,
            rows,
            WindowFeatures.Count,
            [.. gains.Select(g => (float)Math.Clamp(g, -clip, clip))]
        );
        var trainer = ml.Regression.Trainers.FastTree(
            new FastTreeRegressionTrainer.Options
            {
                NumberOfTrees = settings.Trees,
                NumberOfLeaves = settings.Leaves,
                MinimumExampleCountPerLeaf = settings.MinimumLeafRows,
                LearningRate = settings.LearningRate,
                NumberOfThreads = 1,
                FeatureColumnName = nameof(BoostedTrees.Row.Features),
                LabelColumnName = nameof(BoostedTrees.Row.Label),
            }
        );
        return new BoostedTrees(ml, trainer.Fit(view), WindowFeatures.Count);
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
    /// <paramref name="validation"/> (windows of events the model knows).
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
                        network[i],
                        WindowFeatures.FromGain(w.History.Event, gains[i], samples[i].LastPeak),
                        w.Actual
                    )
            )
            .ToList();
        var pooled = Best(rows);
        var shares = rows.GroupBy(r => r.Family)
            .Where(g => g.Count() >= MinimumWindows)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => Best([.. g]), StringComparer.Ordinal);
        var mix = new TreeMix(
            shares,
            pooled,
            MinimumWindows,
            WindowFeatures.Names,
            settings,
            new TreeValidation(0, 0, 0, rows.Count)
        );
        return mix with
        {
            ValidationError = new TreeValidation(
                Error(rows, _ => 0),
                Error(rows, r => mix.ShareOf(r.Family)),
                Error(rows, _ => 1),
                rows.Count
            ),
        };
    }

    private sealed record Row(EventFamily Family, double Network, double Trees, double Actual);

    private static double Best(IReadOnlyList<Row> rows)
    {
        var (best, bestError) = (0.0, double.PositiveInfinity);
        for (var k = 0; k * Step <= 1 + 1e-9; k++)
        {
            var share = Math.Round(k * Step, 2);
            var error = Error(rows, _ => share);
            if (error < bestError - 1e-12)
                (best, bestError) = (share, error);
        }
        return best;
    }

    private static double Error(IReadOnlyList<Row> rows, Func<Row, double> share) =>
        RegressionMetrics
            .Compute(
                [.. rows.Select(r => r.Network + share(r) * (r.Trees - r.Network))],
                [.. rows.Select(r => r.Actual)]
            )
            .PercentError;
}
