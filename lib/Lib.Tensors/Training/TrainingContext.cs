namespace Lib.Tensors.Training;

/// <summary>
/// What a <see cref="ITrainerCallback"/> sees: where the run is and the latest numbers.
/// <see cref="RequestStop"/> ends the run after the current epoch (its validation and checkpoints run).
/// </summary>
public sealed class TrainingContext
{
    private readonly Action _requestStop;

    internal TrainingContext(Action requestStop) => _requestStop = requestStop;

    /// <summary>The current epoch, from 0.</summary>
    public int Epoch { get; internal init; }

    /// <summary>The number of epochs of the run.</summary>
    public int MaxEpochs { get; internal init; }

    /// <summary>Batches done in this epoch.</summary>
    public int Batch { get; internal init; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch { get; internal init; }

    /// <summary>Optimizer steps so far (one per <see cref="TrainerBase{TBatch}.AccumulateGradBatches"/>
    /// batches).</summary>
    public long Step { get; internal init; }

    /// <summary>The last batch's loss (OnBatchEnd) or the epoch's mean training loss (OnEpochEnd, OnTrainEnd); NaN
    /// before any batch.</summary>
    public double Loss { get; internal init; } = double.NaN;

    /// <summary>The optimizer's current learning rate.</summary>
    public double LearningRate { get; internal init; }

    /// <summary>The epoch's validation metrics and auxiliary training terms (<c>train_&lt;name&gt;</c>) (OnEpochEnd,
    /// OnTrainEnd), else empty.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; internal init; } = new Dictionary<string, double>();

    /// <summary>Whether this epoch's monitored metric is the best so far (OnEpochEnd with a checkpoint
    /// monitor).</summary>
    public bool IsBest { get; internal init; }

    /// <summary>Wall time of the run, resumed runs included.</summary>
    public TimeSpan Elapsed { get; internal init; }

    /// <summary>The epochs finished so far.</summary>
    public TrainingHistory History { get; internal init; } = new();

    /// <summary>Asks the trainer to stop after the current epoch.</summary>
    public void RequestStop() => _requestStop();
}
