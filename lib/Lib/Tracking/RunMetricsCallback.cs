using Lib.Tensors.Training;

namespace Lib.Tracking;

/// <summary>
/// A <see cref="Trainer{TBatch}"/> callback that records each epoch in a <see cref="TrackedRun"/>: its
/// <c>train_loss</c> and metrics as MLflow metrics at step = epoch, and the same as TensorBoard scalars beside the run
/// (a <see cref="TensorBoardCallback"/>). What a workflow's trainer adds when it has a run.
/// </summary>
/// <example><code>using var logging = new RunMetricsCallback(run); trainer.Callbacks.Add(logging);</code></example>
public sealed class RunMetricsCallback(TrackedRun run) : ITrainerCallback, IDisposable
{
    private readonly TrackedRun _run = run ?? throw new ArgumentNullException(nameof(run));
    private readonly ITrainerCallback _tensorBoard = new TensorBoardCallback(run);

    void ITrainerCallback.OnTrainStart(TrainingContext context) => _tensorBoard.OnTrainStart(context);

    void ITrainerCallback.OnEpochEnd(TrainingContext context)
    {
        _run.LogMetric(EpochRecord.TrainLossName, context.Loss, context.Epoch);
        foreach (var (name, value) in context.Metrics)
            _run.LogMetric(name, value, context.Epoch);
        _tensorBoard.OnEpochEnd(context);
    }

    void ITrainerCallback.OnTrainEnd(TrainingContext context) => _tensorBoard.OnTrainEnd(context);

    /// <summary>Closes the TensorBoard event file.</summary>
    public void Dispose() => ((IDisposable)_tensorBoard).Dispose();
}
