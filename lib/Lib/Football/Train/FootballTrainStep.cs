using Lib.Display;
using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Football.Train;

/// <summary>
/// The football training step: trains the graph network on the dataset's training games (<see
/// cref="FootballTrainer"/>), keeps checkpoints under the model folder's <c>checkpoints/</c> (best, last, the top k;
/// <c>--resume-from last</c> continues there), records a tracked run (parameters, per-epoch metrics, TensorBoard
/// scalars, the card) and writes the model folder.
/// </summary>
public static class FootballTrainStep
{
    /// <summary>The result: the model, its learning curve, where it was saved, the run and the kept
    /// checkpoints.</summary>
    public sealed record Outcome(
        FootballModel Model,
        TrainingHistory History,
        string Folder,
        string? RunId,
        IReadOnlyList<RankedCheckpoint> TopCheckpoints
    );

    /// <summary>Trains and saves into <paramref name="modelFolder"/>; runs go to <paramref name="runsRoot"/> when
    /// given; <paramref name="fit"/> picks the device (null: the engine).</summary>
    public static Outcome Run(
        FootballData data,
        FootballTrainOptions options,
        string modelFolder,
        string? runsRoot = null,
        string? resumeFrom = null,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions>? fit = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        var checkpoints = ResumePoint.Folder(modelFolder);
        resumeFrom = ResumePoint.Resolve(resumeFrom, checkpoints);
        Directory.CreateDirectory(checkpoints);
        using var run = runsRoot is null
            ? null
            : new TrackingStore(runsRoot).StartRun(
                options.ExperimentName,
                options.Probabilistic ? "football-mixture" : "football"
            );
        run?.LogParams(options.Parameters());
        run?.LogParam("data_fingerprint", data.Fingerprint);
        run?.LogParam("device", (fit?.Device ?? ComputeDevice.Cpu).Name);
        var result = FootballTrainer.Train(
            data,
            options,
            checkpoints,
            resumeFrom,
            run,
            progress,
            cancellationToken,
            fit
        );
        result.Model.Save(modelFolder);
        if (run is not null)
        {
            run.LogMetric("parameters", result.Model.Network.NumParameters());
            run.LogMetric("train_seconds", result.Model.Card.Training.Seconds);
            run.LogMetric("best_epoch", result.Model.Card.Training.BestEpoch);
            run.LogArtifact(Path.Combine(modelFolder, "model.json"));
        }
        return new Outcome(result.Model, result.History, modelFolder, run?.RunId, result.TopK);
    }

    /// <summary>The model in <paramref name="modelFolder"/>, trained first with <paramref name="options"/> when the
    /// folder holds none (a notebook run on its own).</summary>
    public static FootballModel LoadOrRun(
        FootballData data,
        FootballTrainOptions options,
        string modelFolder,
        IProgressReporter? progress = null
    ) =>
        FootballModel.Exists(modelFolder)
            ? FootballModel.Load(modelFolder)
            : Run(data, options, modelFolder, progress: progress).Model;
}
