using System.Globalization;
using Lib.Display;
using Lib.Tensors.Training;
using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Track.Train;

/// <summary>
/// The tune step, the one orchestration <c>lab tune track</c> and a notebook call: a <see cref="Study"/> whose
/// objective trains one gender's model (<see cref="TrackTrainer"/>) with the trial's parameters on the training
/// seasons and returns its best validation error in percent of the mark (<see cref="Metric"/>); the test seasons are
/// never touched. Each trial is a tracked run of the study (experiment <see cref="Experiment"/>) holding the trial's
/// parameters, the settings it shares with the other trials, its per-epoch <c>train_loss</c> and validation
/// metrics, and <see cref="Metric"/>. Calling it again with the same study resumes: finished trials are read back, not
/// retrained; a study recorded with other shared settings or data is refused rather than mixed.
/// </summary>
/// <example><code>
/// var tuned = TrackTuneStep.Run(data, new TrackTuneRequest { Search = new RandomSearch(10, Seed: 1) },
///     new TrackingStore("artifacts/mlruns"), progress);
/// tuned.ToDataFrame()
/// </code></example>
public static class TrackTuneStep
{
    /// <summary>The tracking experiment the trials are recorded in.</summary>
    public const string Experiment = "track-tuning";

    /// <summary>The study's metric: the best epoch's validation error in percent of the mark (lower is better).
    /// </summary>
    public const string Metric = "best_" + TrackTrainer.ValidationMetric;

    /// <summary>Runs (or resumes) the study of <paramref name="request"/> on <paramref name="data"/>, recording the
    /// trials in <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentException">The space names a setting the trainer does not have.</exception>
    /// <exception cref="InvalidOperationException">The store holds this study with other shared settings or data, or
    /// a trial failed (naming it).</exception>
    public static TrackTuneResult Run(
        TrackData data,
        TrackTuneRequest request,
        TrackingStore store,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var space = TrackSearchSpace.Check(request.SearchSpace);
        var start = request.Options with { Refit = false };
        start.Model.Validate();
        var plan = TrackTrainStep.Plan(data, start);
        var shared = SharedSettings(data, request.Gender, start, space);
        var study = new Study(store, request.StudyName, Metric, MetricMode.Min, Experiment);
        CheckSharedSettings(store, study.Name, shared);

        var result = study.Optimize(
            space,
            request.Search,
            (trial, context) =>
            {
                var options = TrackSearchSpace.Apply(start, trial) with
                {
                    MaxEpochs = context.Budget ?? start.MaxEpochs,
                };
                context.Run.LogParams(shared);
                var model = TrackTrainer.Train(
                    data,
                    request.Gender,
                    plan,
                    options,
                    progress,
                    run: null,
                    context.CancellationToken
                );
                foreach (var epoch in model.Card.History)
                {
                    context.LogMetric(EpochRecord.TrainLossName, epoch.TrainLoss, epoch.Epoch);
                    foreach (var (name, value) in epoch.Metrics)
                        context.LogMetric(name, value, epoch.Epoch);
                }
                var summary = model.Card.Training;
                context.LogMetric("best_epoch", summary.BestEpoch);
                context.LogMetric("parameters", summary.Parameters);
                context.LogMetric("train_seconds", summary.Seconds);
                return summary.BestValue;
            },
            request.Halving,
            progress,
            cancellationToken
        );
        var best = result.Best;
        return new TrackTuneResult(
            request.Gender,
            result,
            plan,
            best is null ? null : TrackSearchSpace.Apply(start, best.Parameters) with { Refit = request.Options.Refit }
        );
    }

    /// <summary>
    /// The settings every trial of the study shares (those the space does not tune), as run parameters: the gender,
    /// the epoch limit, the model's fixed shape, the optimiser's fixed settings, the seed, the split and the data's
    /// fingerprint.
    /// </summary>
    private static Dictionary<string, object?> SharedSettings(
        TrackData data,
        Gender gender,
        TrackTrainOptions o,
        Tuning.SearchSpace space
    )
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["gender"] = TrackModels.Name(gender),
            ["max_epochs"] = o.MaxEpochs,
            ["patience"] = o.Patience,
            ["seasons_k"] = o.Model.Seasons,
            ["marks_per_season_l"] = o.Model.MarksPerSeason,
            ["label_embedding"] = o.Model.LabelEmbedding,
            ["head"] = o.Model.Head,
            ["shared_head"] = o.Model.SharedHead,
            ["residual"] = o.Model.Residual,
            ["percent_loss"] = o.PercentLoss,
            ["clip_norm"] = o.ClipNorm,
            ["seed"] = o.Seed,
            ["test_seasons_n"] = o.TestSeasons,
            ["validation_seasons_n"] = o.ValidationSeasons,
            ["backtest"] = o.Backtest,
            ["data_fingerprint"] = data.Fingerprint,
            [TrackSearchSpace.LearningRate] = o.LearningRate,
            [TrackSearchSpace.WeightDecay] = o.WeightDecay,
            [TrackSearchSpace.Dropout] = o.Model.Dropout,
            [TrackSearchSpace.SeasonHidden] = o.Model.SeasonHidden,
            [TrackSearchSpace.AcrossHidden] = o.Model.AcrossHidden,
            [TrackSearchSpace.BatchSize] = o.BatchSize,
        };
        foreach (var p in space.Parameters)
        {
            settings.Remove(p.Name);
            if (p.Name == TrackSearchSpace.Hidden)
            {
                settings.Remove(TrackSearchSpace.SeasonHidden);
                settings.Remove(TrackSearchSpace.AcrossHidden);
            }
        }
        return settings;
    }

    /// <summary>Refuses to resume a study whose runs were recorded with other shared settings (or data).</summary>
    private static void CheckSharedSettings(TrackingStore store, string study, Dictionary<string, object?> shared)
    {
        foreach (var run in store.Runs(Experiment))
        {
            if (run.Tags.GetValueOrDefault(Tuning.Study.StudyTag) != study)
                continue;
            foreach (var (key, value) in shared)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                if (run.Params.TryGetValue(key, out var old) && old != text)
                    throw new InvalidOperationException(
                        $"Study '{study}' in {store.Root} was recorded with {key}={old} (run {run.RunId}), not "
                            + $"{text}: resume it with the same settings and data, or name another study."
                    );
            }
        }
    }
}
