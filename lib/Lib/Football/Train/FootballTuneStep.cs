using System.Globalization;
using Lib.Display;
using Lib.Football.Dataset;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Football.Train;

/// <summary>
/// The football tune step, the one orchestration <c>lab tune football</c> and <c>03-train.dib</c> call: a
/// <see cref="Study"/> (by default a learning-rate grid, <see cref="LearningRateGrid"/> with <see cref="GridSearch"/>)
/// whose objective trains the graph network (<see cref="FootballTrainer"/>) with the trial's parameters on the
/// training games and returns the best epoch's validation ADE at 2 s (minADE for the mixture, <see cref="MetricOf"/>);
/// the test games are never read. Each trial is a tracked run of the study (experiment <see cref="Experiment"/>) with
/// the trial's parameters, the settings it shares with the other trials, its per-epoch loss and validation metrics
/// (and TensorBoard scalars) and the metric. Calling it again with the same study resumes: finished trials are read
/// back, not retrained; a study recorded with other shared settings or data is refused rather than mixed.
/// </summary>
/// <example><code>
/// var study = FootballTuneStep.Run(data, FootballTrainOptions.Named("production", "configs/football"),
///     new TrackingStore("artifacts/mlruns"), FootballTuneStep.LearningRateGrid(5e-4, 5e-3), new GridSearch(3));
/// study.ToDataFrame()
/// </code></example>
public static class FootballTuneStep
{
    /// <summary>The tracking experiment the trials are recorded in.</summary>
    public const string Experiment = "football-tuning";

    /// <summary>The learning rate (AdamW's).</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>The weight decay (matrices only).</summary>
    public const string WeightDecay = "weight_decay";

    /// <summary>The node state width.</summary>
    public const string Hidden = "hidden";

    /// <summary>Samples per batch.</summary>
    public const string BatchSize = "batch_size";

    /// <summary>The settings a search space may tune.</summary>
    public static IReadOnlyList<string> Tunable { get; } = [LearningRate, WeightDecay, Hidden, BatchSize];

    /// <summary>The study's metric for runs of <paramref name="options"/>: <c>best_val_ade2</c>, or
    /// <c>best_val_min_ade2</c> for the mixture (yards, lower is better).</summary>
    public static string MetricOf(FootballTrainOptions options) => "best_" + FootballTrainer.MonitorOf(options);

    /// <summary>The learning rate from <paramref name="low"/> to <paramref name="high"/> on a log scale (a grid search
    /// takes evenly log-spaced values, ends included).</summary>
    public static SearchSpace LearningRateGrid(double low = 5e-4, double high = 5e-3) =>
        new SearchSpace().Add(new LogUniformDomain(LearningRate, low, high));

    /// <summary>
    /// Runs (or resumes) the study <paramref name="studyName"/> (default <c>football</c>, or
    /// <c>football-mixture</c>) over <paramref name="space"/> (default <see cref="LearningRateGrid"/>) with
    /// <paramref name="search"/> (default a 3-point <see cref="GridSearch"/>), every trial starting from
    /// <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The space names a setting that is not <see cref="Tunable"/>.</exception>
    /// <exception cref="InvalidOperationException">The store holds this study with other shared settings or data, or
    /// a trial failed (naming it).</exception>
    public static StudyResult Run(
        FootballData data,
        FootballTrainOptions start,
        TrackingStore store,
        SearchSpace? space = null,
        ISearchStrategy? search = null,
        string? studyName = null,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(store);
        space ??= LearningRateGrid();
        foreach (var p in space.Parameters)
            if (!Tunable.Contains(p.Name))
                throw new ArgumentException(
                    $"The football study cannot tune '{p.Name}'; it tunes {string.Join(", ", Tunable)}.",
                    nameof(space)
                );
        var name = studyName ?? (start.Probabilistic ? "football-mixture" : "football");
        var shared = SharedSettings(data, start, space);
        var study = new Study(store, name, MetricOf(start), MetricMode.Min, Experiment);
        CheckSharedSettings(store, name, shared);
        return study.Optimize(
            space,
            search ?? new GridSearch(3),
            (trial, context) =>
            {
                var options = Apply(start, trial);
                context.Run.LogParams(shared);
                var result = FootballTrainer.Train(
                    data,
                    options,
                    checkpointFolder: null,
                    resumeFrom: null,
                    run: context.Run,
                    progress,
                    context.CancellationToken
                );
                var summary = result.Model.Card.Training;
                context.LogMetric("best_epoch", summary.BestEpoch);
                context.LogMetric("parameters", summary.Parameters);
                context.LogMetric("train_seconds", summary.Seconds);
                return summary.BestValue;
            },
            progress: progress,
            cancellationToken: cancellationToken
        );
    }

    /// <summary><paramref name="start"/> with a trial's parameters.</summary>
    public static FootballTrainOptions Apply(FootballTrainOptions start, TrialParameters trial)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(trial);
        var options = start;
        foreach (var name in trial.Names)
            options = name switch
            {
                LearningRate => options with { LearningRate = trial.Get<double>(name) },
                WeightDecay => options with { WeightDecay = trial.Get<double>(name) },
                Hidden => options with { Hidden = trial.Get<int>(name) },
                BatchSize => options with { BatchSize = trial.Get<int>(name) },
                _ => throw new ArgumentException($"The football study cannot tune '{name}'.", nameof(trial)),
            };
        return options;
    }

    /// <summary>The settings every trial shares (the options the space does not tune, and the data's fingerprint),
    /// as run parameters.</summary>
    private static Dictionary<string, object?> SharedSettings(
        FootballData data,
        FootballTrainOptions o,
        SearchSpace space
    )
    {
        var settings = new Dictionary<string, object?>(o.Parameters(), StringComparer.Ordinal)
        {
            ["data_fingerprint"] = data.Fingerprint,
        };
        settings.Remove("experiment_name");
        foreach (var p in space.Parameters)
            settings.Remove(p.Name);
        return settings;
    }

    /// <summary>Refuses to resume a study whose runs were recorded with other shared settings (or data).</summary>
    private static void CheckSharedSettings(TrackingStore store, string study, Dictionary<string, object?> shared)
    {
        foreach (var run in store.Runs(Experiment))
        {
            if (run.Tags.GetValueOrDefault(Study.StudyTag) != study)
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
