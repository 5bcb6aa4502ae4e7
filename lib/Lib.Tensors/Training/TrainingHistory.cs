namespace Lib.Tensors.Training;

/// <summary>One finished epoch (0-based <see cref="Epoch"/>).</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="TrainLoss">The mean training loss, weighted by batch size.</param>
/// <param name="Metrics">The validation metrics and the auxiliary training terms as <c>train_&lt;name&gt;</c> (empty
/// without either).</param>
/// <param name="LearningRate">The learning rate of the epoch's last optimizer step.</param>
/// <param name="Seconds">The epoch's wall time, validation included.</param>
/// <param name="Step">Optimizer steps taken so far, this epoch's included.</param>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    IReadOnlyDictionary<string, double> Metrics,
    double LearningRate,
    double Seconds,
    long Step
)
{
    /// <summary>The name under which the training loss is monitored and charted.</summary>
    public const string TrainLossName = "train_loss";

    /// <summary>A metric by name: <c>train_loss</c> or a validation metric; null when absent.</summary>
    public double? Get(string name) =>
        name == TrainLossName ? TrainLoss
        : Metrics.TryGetValue(name, out var v) ? v
        : null;
}

/// <summary>What <see cref="TrainerBase{TBatch}.Fit"/> returns: every epoch's record, for tables and charts.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> _epochs;

    /// <summary>A history of the given epochs.</summary>
    public TrainingHistory(IEnumerable<EpochRecord>? epochs = null) => _epochs = [.. epochs ?? []];

    /// <summary>The epochs, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>The epoch whose monitored metric was best (the one in the best checkpoint), or null.</summary>
    public int? BestEpoch { get; internal set; }

    /// <summary>The kept top-k checkpoints, best first (empty without <see cref="CheckpointOptions.SaveTopK"/>), as
    /// <see cref="TrainerBase{TBatch}.TopCheckpoints"/>.</summary>
    public IReadOnlyList<RankedCheckpoint> TopCheckpoints { get; internal set; } = [];

    /// <summary>True when early stopping or a callback ended the run before its last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>The training loss of each epoch.</summary>
    public double[] TrainLoss => [.. _epochs.Select(e => e.TrainLoss)];

    /// <summary>The learning rate of each epoch.</summary>
    public double[] LearningRates => [.. _epochs.Select(e => e.LearningRate)];

    /// <summary>A metric per epoch (NaN where an epoch lacks it); <c>train_loss</c> works too.</summary>
    public double[] Metric(string name) => [.. _epochs.Select(e => e.Get(name) ?? double.NaN)];

    /// <summary>Every validation metric name seen, in first-seen order.</summary>
    public IReadOnlyList<string> MetricNames => [.. _epochs.SelectMany(e => e.Metrics.Keys).Distinct()];

    internal void Add(EpochRecord record) => _epochs.Add(record);
}
