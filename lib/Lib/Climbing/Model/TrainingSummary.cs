namespace Lib.Climbing.Model;

/// <summary>How a saved model was trained: sizes of the splits, epochs, the best validation MAE and the wall time.</summary>
public sealed record TrainingSummary
{
    /// <summary>Training routes used.</summary>
    public int TrainRoutes { get; init; }

    /// <summary>Validation routes.</summary>
    public int ValRoutes { get; init; }

    /// <summary>Epochs run (early stopping may end before the maximum).</summary>
    public int EpochsRun { get; init; }

    /// <summary>The maximum number of epochs.</summary>
    public int MaxEpochs { get; init; }

    /// <summary>The epoch (from 0) whose weights were kept.</summary>
    public int BestEpoch { get; init; }

    /// <summary>The validation MAE of the kept weights, in difficulty units.</summary>
    public double BestValMae { get; init; }

    /// <summary>Whether early stopping ended the run.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Wall time of training, in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>The model's parameter count.</summary>
    public long Parameters { get; init; }

    /// <summary>The options used, as their record text.</summary>
    public string Options { get; init; } = "";
}
