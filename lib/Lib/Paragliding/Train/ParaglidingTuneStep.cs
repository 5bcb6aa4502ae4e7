using Lib.Display;
using Lib.Paragliding.Dataset;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Paragliding.Train;

/// <summary>
/// Tuning through <c>Lib.Tuning</c>: the learning-rate range test (<see cref="LearningRateSweep"/>, fastai's
/// <c>lr_find</c> on the training shards; weights restored afterwards) and a random search
/// (<see cref="Search"/>: a <see cref="Study"/> in experiment <c>paragliding-tuning</c> whose trials train on the
/// training weeks and return the best epoch's validation loss). The test weeks are never read.
/// </summary>
public static class ParaglidingTuneStep
{
    /// <summary>The tracking experiment of the studies.</summary>
    public const string Experiment = "paragliding-tuning";

    /// <summary>The study's metric.</summary>
    public const string Metric = "best_val_loss";

    /// <summary>The LR range test on a fresh network of <paramref name="options"/>, recorded as a run
    /// (<c>lr-sweep</c>: the loss and smoothed loss per step, the suggestion) when <paramref name="store"/> is
    /// given.</summary>
    public static LRFinderResult LearningRateSweep(
        ParaglidingData data,
        ParaglidingTrainOptions options,
        int steps = 100,
        double startLr = 1e-5,
        double endLr = 1,
        TrackingStore? store = null
    )
    {
        var network = GlideatorTrainer.Build(data, options);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var finder = new LRFinder<SiteDayBatch>(network, optimizer, b =>
            GlideatorLoss.Bce(network.Forward(b), b.Labels)
        );
        var result = finder.RangeTest(GlideatorTrainer.TrainLoader(data, options), startLr, endLr, steps);
        if (store is null)
            return result;
        using var run = store.StartRun(Experiment, "lr-sweep");
        run.LogParams(
            new Dictionary<string, object?>(options.Parameters())
            {
                ["sweep_steps"] = steps,
                ["sweep_start_lr"] = startLr,
                ["sweep_end_lr"] = endLr,
            }
        );
        for (int i = 0; i < result.LearningRates.Count; i++)
        {
            run.LogMetric("lr", result.LearningRates[i], i);
            run.LogMetric("loss", result.Losses[i], i);
            run.LogMetric("smoothed_loss", result.SmoothedLosses[i], i);
        }
        run.LogMetric("suggested_lr", result.SuggestedLearningRate);
        run.LogMetric("min_loss_lr", result.MinimumLossLearningRate);
        run.SetTag("diverged", result.Diverged ? "true" : "false");
        return result;
    }

    /// <summary>A random search of <paramref name="trials"/> trials over <paramref name="space"/> (the default
    /// space when null), resumable under the same study name.</summary>
    public static StudyResult Search(
        ParaglidingData data,
        ParaglidingTrainOptions start,
        TrackingStore store,
        int trials,
        long seed = 0,
        SearchSpace? space = null,
        string studyName = "paragliding",
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var study = new Study(store, studyName, Metric, MetricMode.Min, Experiment);
        return study.Optimize(
            space ?? ParaglidingSearchSpace.Default(),
            new RandomSearch(trials, seed),
            (trial, context) =>
            {
                var options = ParaglidingSearchSpace.Apply(start, trial);
                var result = GlideatorTrainer.Train(data, options, null, context.CancellationToken);
                foreach (var epoch in result.History.Epochs)
                {
                    context.LogMetric(EpochRecord.TrainLossName, epoch.TrainLoss, epoch.Epoch);
                    foreach (var (name, value) in epoch.Metrics)
                        context.LogMetric(name, value, epoch.Epoch);
                }
                var summary = result.Model.Card.Training;
                context.LogMetric("best_epoch", summary.BestEpoch);
                context.LogMetric("train_seconds", summary.Seconds);
                return summary.BestValue;
            },
            progress: progress,
            cancellationToken: cancellationToken
        );
    }
}
