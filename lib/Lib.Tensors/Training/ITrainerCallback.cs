namespace Lib.Tensors.Training;

/// <summary>
/// Hooks into <see cref="TrainerBase{TBatch}.Fit"/> (Lightning's <c>Callback</c>); every method is optional.
/// Order: OnTrainStart, then per epoch OnEpochStart, OnBatchEnd per batch, OnEpochEnd; finally
/// OnTrainEnd. Re-seed generators used inside the model (dropout) in OnEpochStart, e.g.
/// <c>generator.ManualSeed(seed * 1000 + context.Epoch)</c>, so that a resumed run repeats exactly.
/// </summary>
public interface ITrainerCallback
{
    /// <summary>Fit began (after any resume).</summary>
    void OnTrainStart(TrainingContext context) { }

    /// <summary>An epoch is about to train.</summary>
    void OnEpochStart(TrainingContext context) { }

    /// <summary>A training batch finished (and the optimizer stepped, unless it is accumulating gradients).</summary>
    void OnBatchEnd(TrainingContext context) { }

    /// <summary>An epoch finished and was validated (checkpoints are written right after).</summary>
    void OnEpochEnd(TrainingContext context) { }

    /// <summary>Fit ended (also after early stopping).</summary>
    void OnTrainEnd(TrainingContext context) { }
}

/// <summary>A callback from delegates, for notebooks: <c>new LambdaCallback { EpochEnd = c => ... }</c>.</summary>
public sealed class LambdaCallback : ITrainerCallback
{
    /// <summary>Runs at <see cref="ITrainerCallback.OnTrainStart"/>.</summary>
    public Action<TrainingContext>? TrainStart { get; init; }

    /// <summary>Runs at <see cref="ITrainerCallback.OnEpochStart"/>.</summary>
    public Action<TrainingContext>? EpochStart { get; init; }

    /// <summary>Runs at <see cref="ITrainerCallback.OnBatchEnd"/>.</summary>
    public Action<TrainingContext>? BatchEnd { get; init; }

    /// <summary>Runs at <see cref="ITrainerCallback.OnEpochEnd"/>.</summary>
    public Action<TrainingContext>? EpochEnd { get; init; }

    /// <summary>Runs at <see cref="ITrainerCallback.OnTrainEnd"/>.</summary>
    public Action<TrainingContext>? TrainEnd { get; init; }

    void ITrainerCallback.OnTrainStart(TrainingContext context) => TrainStart?.Invoke(context);

    void ITrainerCallback.OnEpochStart(TrainingContext context) => EpochStart?.Invoke(context);

    void ITrainerCallback.OnBatchEnd(TrainingContext context) => BatchEnd?.Invoke(context);

    void ITrainerCallback.OnEpochEnd(TrainingContext context) => EpochEnd?.Invoke(context);

    void ITrainerCallback.OnTrainEnd(TrainingContext context) => TrainEnd?.Invoke(context);
}
