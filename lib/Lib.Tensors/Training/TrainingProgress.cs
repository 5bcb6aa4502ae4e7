namespace Lib.Tensors.Training;

/// <summary>What a <see cref="TrainingProgress"/> report announces.</summary>
public enum TrainingEvent
{
    /// <summary>Fit began (after any resume); <see cref="TrainingProgress.Epoch"/> is the first epoch to run.</summary>
    Started,

    /// <summary>An optimizer step finished.</summary>
    BatchEnd,

    /// <summary>An epoch finished, validation and checkpoints included.</summary>
    EpochEnd,

    /// <summary>Fit ended.</summary>
    Ended,
}

/// <summary>
/// A progress report of <see cref="Trainer{TBatch}"/>, immutable so renderers may queue it.
/// <see cref="Batch"/> counts the batches done in the epoch (1..<see cref="BatchesPerEpoch"/>).
/// </summary>
/// <param name="Event">What happened.</param>
/// <param name="Epoch">The current epoch, from 0.</param>
/// <param name="MaxEpochs">The number of epochs of the run.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches per epoch.</param>
/// <param name="Step">Optimizer steps so far.</param>
/// <param name="Loss">The last batch's loss (BatchEnd) or the epoch's mean training loss (EpochEnd).</param>
/// <param name="EpochLoss">The mean training loss of the epoch so far.</param>
/// <param name="LearningRate">The optimizer's current learning rate.</param>
/// <param name="Metrics">The epoch's validation metrics (EpochEnd, Ended), else empty.</param>
/// <param name="Elapsed">Wall time of the run, resumed runs included.</param>
public readonly record struct TrainingProgress(
    TrainingEvent Event,
    int Epoch,
    int MaxEpochs,
    int Batch,
    int BatchesPerEpoch,
    long Step,
    double Loss,
    double EpochLoss,
    double LearningRate,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Elapsed
);

/// <summary>
/// Receives the trainer's progress. Kept minimal so hosts adapt it in a few lines: a notebook or CLI
/// renderer starts a bar at the first <see cref="TrainingEvent.BatchEnd"/> of an epoch, advances it
/// on each, and completes it at <see cref="TrainingEvent.EpochEnd"/>. Called on the training thread.
/// </summary>
public interface ITrainingProgress
{
    /// <summary>Handles one report.</summary>
    void Report(TrainingProgress progress);
}

/// <summary>An <see cref="ITrainingProgress"/> over a delegate.</summary>
public sealed class TrainingProgressHandler(Action<TrainingProgress> report) : ITrainingProgress
{
    private readonly Action<TrainingProgress> _report = report ?? throw new ArgumentNullException(nameof(report));

    /// <inheritdoc/>
    public void Report(TrainingProgress progress) => _report(progress);
}
