using System.Globalization;
using Lib.Display;
using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Splits.Evaluate;

/// <summary>
/// The split timer's tune step, the one orchestration <c>lab tune splits</c> and <c>04-train.dib</c> call: the
/// original's <c>hyperparameter_search.sh</c> grid (<c>alpha_split_0</c>, <c>alpha</c>, <c>beta_split_0</c>,
/// <c>beta</c>, <c>clip_length</c>, <c>num_augmented</c>, <c>add_position_feature</c>,
/// <c>add_percent_completion_feature</c>) as a <see cref="Study"/> with <see cref="GridSearch"/>. Each trial draws
/// the samples with its parameters (and appends the frame position inputs it names, <see cref="FramePositions"/>)
/// and trains the classifier (<see cref="SplitModelTrainer"/>, the same training as <c>lab splits train</c> for that
/// fold, so the best trial's line reproduces it) on the training tracks of each requested fold, and is judged on the
/// fold's validation track only — its macro F1 at the best epoch, or the search's mean absolute error in seconds there
/// (<see cref="SplitsTuneObjective"/>); the held-out test track is never scored. Each trial is a tracked run
/// (experiment <see cref="Experiment"/>) with its parameters, the settings the trials share and per-fold metrics; the
/// same study resumes, and one recorded with other shared settings or data is refused. <em>Departure</em>: the step
/// lives in the <c>Evaluate</c> room, not <c>Train</c>, because a trial may be judged by the search's error on the
/// validation track (<see cref="SplitsEvaluateStep"/>).
/// </summary>
/// <example><code>
/// var space = new SearchSpace().Add(SeqRange.Parse(SplitsTuneStep.Alpha, "0.5:0.5:1"));
/// var study = SplitsTuneStep.Run(new SplitsTuneRequest { Videos = videos, Feature = "thumb8x4", Space = space,
///     RunsFolder = "artifacts/mlruns" });
/// study.ToDataFrame()
/// </code></example>
public static class SplitsTuneStep
{
    /// <summary>The tracking experiment the trials are recorded in.</summary>
    public const string Experiment = "splits-tuning";

    /// <summary>Beta α of augmented positives in the first segment.</summary>
    public const string AlphaSplit0 = "alpha_split_0";

    /// <summary>Beta α in the other segments.</summary>
    public const string Alpha = "alpha";

    /// <summary>Beta β in the first segment.</summary>
    public const string BetaSplit0 = "beta_split_0";

    /// <summary>Beta β in the other segments.</summary>
    public const string Beta = "beta";

    /// <summary>Frames per clip (F).</summary>
    public const string ClipLength = "clip_length";

    /// <summary>Augmented positives per segment.</summary>
    public const string NumAugmented = "num_augmented";

    /// <summary>The original's frame-index input (<see cref="FramePositions"/>): true or false.</summary>
    public const string AddPositionFeature = "add_position_feature";

    /// <summary>The original's share-of-the-video input (<see cref="FramePositions"/>): true or false.</summary>
    public const string AddPercentCompletionFeature = "add_percent_completion_feature";

    /// <summary>The macro F1 metric.</summary>
    public const string MacroF1Metric = "val_macro_f1";

    /// <summary>The search's error metric.</summary>
    public const string SearchMaeMetric = "val_search_mae_s";

    /// <summary>The settings a grid may vary, in the original's order.</summary>
    public static IReadOnlyList<string> Tunable { get; } =
    [AlphaSplit0, Alpha, BetaSplit0, Beta, ClipLength, NumAugmented, AddPositionFeature, AddPercentCompletionFeature];

    /// <summary>The study's metric for <paramref name="objective"/>.</summary>
    public static string MetricOf(SplitsTuneObjective objective) =>
        objective == SplitsTuneObjective.SearchMae ? SearchMaeMetric : MacroF1Metric;

    /// <summary>The grid when none is given (the original's script requires every range): α and β after split 1 each
    /// 0.5 (the lab's default) or 1, four trials.</summary>
    public static SearchSpace DefaultSpace() =>
        new SearchSpace().Add(SeqRange.Parse(Alpha, "0.5:0.5:1")).Add(SeqRange.Parse(Beta, "0.5:0.5:1"));

    /// <summary>Runs (or resumes) the study.</summary>
    /// <exception cref="ArgumentException">The space names a setting that is not <see cref="Tunable"/>, the task is
    /// not the classifier, a test track is unknown, or a fold has no validation track (fewer than three
    /// tracks).</exception>
    /// <exception cref="InvalidOperationException">The store holds this study with other shared settings or data, or
    /// a trial failed (naming it).</exception>
    public static StudyResult Run(
        SplitsTuneRequest request,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var space = request.Space ?? DefaultSpace();
        foreach (var p in space.Parameters)
            if (!Tunable.Contains(p.Name))
                throw new ArgumentException(
                    $"The splits study cannot tune '{p.Name}'; it tunes {string.Join(", ", Tunable)}."
                );
        if (request.Options.Task != SampleTask.Classifier)
            throw new ArgumentException("The splits study tunes the classifier (the original's grid trains it).");
        var folds = Folds(request);
        var shared = SharedSettings(request, folds, space);
        var metric = MetricOf(request.Objective);
        var name = request.StudyName ?? "splits";
        var store = new TrackingStore(request.RunsFolder);
        CheckSharedSettings(store, name, shared);
        var study = new Study(
            store,
            name,
            metric,
            request.Objective == SplitsTuneObjective.SearchMae ? MetricMode.Min : MetricMode.Max,
            Experiment
        );
        return study.Optimize(
            space,
            new GridSearch(1),
            (trial, context) =>
            {
                context.Run.LogParams(shared);
                var options = Apply(request.Options, trial);
                var models = new List<SplitModel>();
                var f1 = new List<double>();
                foreach (var fold in folds)
                {
                    var result = SplitModelTrainer.Train(
                        request.Videos,
                        fold,
                        options,
                        request.Feature,
                        progress,
                        checkpoints: null,
                        context.CancellationToken
                    );
                    var card = result.Model.Card;
                    double foldF1 = card.Metrics.GetValueOrDefault(MacroF1Metric, double.NaN);
                    f1.Add(foldF1);
                    context.LogMetric($"{MacroF1Metric}_{fold.ValidationTrack}", foldF1);
                    context.LogMetric($"best_epoch_{fold.ValidationTrack}", card.Training.BestEpoch);
                    context.LogMetric($"train_pairs_{fold.ValidationTrack}", card.Training.TrainSamples);
                    context.LogMetric($"train_seconds_{fold.ValidationTrack}", card.Training.Seconds);
                    models.Add(result.Model);
                }
                double macroF1 = f1.Average();
                if (request.Objective == SplitsTuneObjective.MacroF1)
                    return macroF1;
                context.LogMetric(MacroF1Metric, macroF1);
                var evaluation = SplitsEvaluateStep.Run(
                    models,
                    request.Videos,
                    request.Find,
                    progress,
                    onValidation: true
                );
                var all = evaluation.Scores.Single(s => s.Track == "all" && s.Method == SplitsEvaluation.Methods[0]);
                context.LogMetric("val_search_within_05", all.Within05);
                context.LogMetric("val_search_worst_pair_mae_s", all.WorstPairMaeSeconds);
                return all.MaeSeconds;
            },
            progress: progress,
            cancellationToken: cancellationToken
        );
    }

    /// <summary><paramref name="start"/> with a trial's parameters (the sample options it names).</summary>
    /// <exception cref="ArgumentException">The trial names a setting that is not <see cref="Tunable"/>.</exception>
    public static SplitsTrainOptions Apply(SplitsTrainOptions start, TrialParameters trial)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(trial);
        var s = start.Samples;
        foreach (var name in trial.Names)
        {
            if (name == AddPositionFeature)
                start = start with { AddPositionFeature = trial.Get<bool>(name) };
            else if (name == AddPercentCompletionFeature)
                start = start with { AddPercentCompletionFeature = trial.Get<bool>(name) };
            else
                s = name switch
                {
                    AlphaSplit0 => s with { AlphaSplit0 = trial.Get<double>(name) },
                    Alpha => s with { Alpha = trial.Get<double>(name) },
                    BetaSplit0 => s with { BetaSplit0 = trial.Get<double>(name) },
                    Beta => s with { Beta = trial.Get<double>(name) },
                    ClipLength => s with { ClipLength = trial.Get<int>(name) },
                    NumAugmented => s with { AugmentedPerSegment = trial.Get<int>(name) },
                    _ => throw new ArgumentException($"The splits study cannot tune '{name}'.", nameof(trial)),
                };
        }
        return start with { Samples = s };
    }

    /// <summary>The folds the request names (default: the first track's), each with a validation track.</summary>
    public static IReadOnlyList<TrackFold> Folds(SplitsTuneRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tracks = request.Videos.Select(v => v.TrackId).Distinct(StringComparer.Ordinal).ToList();
        var all = TrackFold.LeaveOneTrackOut(tracks);
        IReadOnlyList<TrackFold> folds = request.TestTracks is { Count: > 0 } wanted
            ? [.. wanted.Distinct(StringComparer.Ordinal).Select(t => TrackFold.For(tracks, t))]
            : [all[0]];
        if (folds.Any(f => f.ValidationTrack is null))
            throw new ArgumentException(
                $"Tuning needs a validation track besides the training and test tracks: at least three tracks; got "
                    + $"{tracks.Count} ({string.Join(", ", tracks.Order(StringComparer.Ordinal))})."
            );
        return folds;
    }

    /// <summary>The name in a sample option's <see cref="SampleOptions.Parameters"/> of a tunable setting.</summary>
    private static string SampleKey(string name) => name == NumAugmented ? "augmented_per_segment" : name;

    /// <summary>The settings every trial shares (the options the grid does not vary, the feature, the folds, the
    /// objective, the search for the search's error, and the data's fingerprint), as run parameters.</summary>
    private static Dictionary<string, object?> SharedSettings(
        SplitsTuneRequest request,
        IReadOnlyList<TrackFold> folds,
        SearchSpace space
    )
    {
        var settings = new Dictionary<string, object?>(request.Options.Parameters(), StringComparer.Ordinal)
        {
            ["feature"] = request.Feature,
            ["test_tracks"] = string.Join(',', folds.Select(f => f.TestTrack)),
            ["validation_tracks"] = string.Join(',', folds.Select(f => f.ValidationTrack)),
            ["objective"] = MetricOf(request.Objective),
            ["data_fingerprint"] = SplitVideo.Fingerprint(request.Videos),
        };
        if (request.Objective == SplitsTuneObjective.SearchMae)
            settings["find_options"] = request.Find.ToString();
        foreach (var p in space.Parameters)
            settings.Remove(SampleKey(p.Name));
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
