using Lib.Display;
using Lib.Splits.Dataset;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Splits.Train;

/// <summary>
/// The training step: one model per fold of leave-one-track-out (each never sees its test track), saved as a model
/// folder named after the held-out track, with the trainer's checkpoints beside it, and recorded as a run of
/// experiment <c>splits</c> (options, sizes, the learning curve).
/// </summary>
public static class SplitsTrainStep
{
    /// <summary>The experiment runs are recorded under.</summary>
    public const string Experiment = "splits";

    /// <summary>Trains and saves every requested fold.</summary>
    /// <exception cref="KeyNotFoundException">A requested test track has no videos.</exception>
    /// <exception cref="FileNotFoundException">A fold's checkpoint to resume from is not there.</exception>
    public static IReadOnlyList<TrainedFold> Run(
        SplitsTrainRequest request,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var tracks = request.Videos.Select(v => v.TrackId).Distinct(StringComparer.Ordinal).ToList();
        var folds = TrackFold.LeaveOneTrackOut(tracks);
        if (request.TestTracks is { } wanted)
            folds = [.. wanted.Select(t => TrackFold.For(tracks, t))];
        if (request.ResumeFrom is { } from && from != ResumePoint.Last && folds.Count != 1)
            throw new ArgumentException(
                $"Resuming {folds.Count} folds from one file ({from}) would start them all from the same weights: "
                    + "name one held-out track, or resume from 'last' (each fold's own checkpoints)."
            );
        var store = request.RunsFolder is null ? null : new TrackingStore(request.RunsFolder);
        var trained = new List<TrainedFold>();
        foreach (var fold in folds)
        {
            var folder = Path.Combine(request.OutputFolder, fold.TestTrack);
            var checkpoints = ResumePoint.Folder(folder);
            var resume = ResumePoint.Resolve(request.ResumeFrom, checkpoints);
            var result = SplitModelTrainer.Train(
                request.Videos,
                fold,
                request.Options,
                request.Feature,
                progress,
                checkpoints,
                cancellationToken,
                request.Fit,
                resume
            );
            result.Model.Save(folder);
            string? runId = null;
            if (store is not null)
            {
                using var run = store.StartRun(Experiment, $"siamese-lstm-{fold.TestTrack}");
                var card = result.Model.Card;
                run.LogParams(
                    new Dictionary<string, object?>(card.Training.Options)
                    {
                        ["feature"] = request.Feature,
                        ["test_track"] = fold.TestTrack,
                        ["validation_track"] = fold.ValidationTrack,
                        ["train_tracks"] = string.Join(',', fold.TrainTracks),
                        ["parameters"] = card.Training.Parameters,
                        ["train_pairs"] = card.Training.TrainSamples,
                        ["data_fingerprint"] = card.DataFingerprint,
                    }
                );
                foreach (var e in card.History)
                {
                    run.LogMetric(EpochRecord.TrainLossName, e.TrainLoss, e.Epoch);
                    foreach (var (k, v) in e.Metrics)
                        run.LogMetric(k, v, e.Epoch);
                }
                run.LogMetric("train_seconds", card.Training.Seconds);
                runId = run.Record().RunId;
            }
            trained.Add(new TrainedFold(fold, result.Model, folder, result.History, result.Samples, runId));
        }
        return trained;
    }
}
