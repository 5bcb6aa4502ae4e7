using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// How a saved model was trained, the same in every sport's model card: the samples it was fitted and validated on, the
/// epochs, the monitored metric and its best value, the wall time, the parameter count, and the options as name → value
/// (the parameters its tracked run logged).
/// </summary>
public sealed record TrainingSummary
{
    /// <summary>Samples the final weights were fitted on (windows, routes ...).</summary>
    public int TrainSamples { get; init; }

    /// <summary>Validation samples (0 when none).</summary>
    public int ValidationSamples { get; init; }

    /// <summary>The epoch limit.</summary>
    public int MaxEpochs { get; init; }

    /// <summary>Epochs run (early stopping may end sooner).</summary>
    public int Epochs { get; init; }

    /// <summary>The epoch whose weights were kept, from 0.</summary>
    public int BestEpoch { get; init; }

    /// <summary>The metric that chose the best epoch (<c>val_mae</c> ...), or null without validation.</summary>
    public string? Monitor { get; init; }

    /// <summary>Its value at <see cref="BestEpoch"/> (NaN without validation).</summary>
    public double BestValue { get; init; } = double.NaN;

    /// <summary>Whether early stopping ended the run before <see cref="MaxEpochs"/>.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Wall time of training, in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Trainable parameters.</summary>
    public long Parameters { get; init; }

    /// <summary>The options, by name (learning rate, batch size, seed ...).</summary>
    public IReadOnlyDictionary<string, object?> Options { get; init; } = new Dictionary<string, object?>();

    /// <summary>The summary of a finished <see cref="Trainer{TBatch}"/> run.</summary>
    public static TrainingSummary Of(
        TrainingHistory history,
        int maxEpochs,
        string? monitor,
        int trainSamples,
        int validationSamples,
        double seconds,
        long parameters,
        IReadOnlyDictionary<string, object?> options
    )
    {
        ArgumentNullException.ThrowIfNull(history);
        int best = history.BestEpoch ?? Math.Max(history.Epochs.Count - 1, 0);
        return new TrainingSummary
        {
            TrainSamples = trainSamples,
            ValidationSamples = validationSamples,
            MaxEpochs = maxEpochs,
            Epochs = history.Epochs.Count,
            BestEpoch = best,
            Monitor = monitor,
            BestValue =
                monitor is not null && best < history.Epochs.Count
                    ? history.Epochs[best].Get(monitor) ?? double.NaN
                    : double.NaN,
            StoppedEarly = history.StoppedEarly,
            Seconds = seconds,
            Parameters = parameters,
            Options = options,
        };
    }
}
