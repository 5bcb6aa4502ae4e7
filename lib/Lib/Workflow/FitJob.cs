using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// One training run of a workflow's model, as its Train room sets it up, handed to an
/// <see cref="IFitStrategy{TNetwork, TBatch, TOptions}"/> that runs it on the engine (the default) or on the model's
/// TorchSharp twin (<c>--device torch-cpu | cuda</c>). The room keeps every choice in one place — the initialised
/// network, the optimizer and its parameter groups, the schedule, the loaders, the metrics, early stopping, the
/// callbacks — and the strategy only runs the loop; afterwards <see cref="Network"/> holds the trained weights
/// whichever device trained them.
/// </summary>
/// <typeparam name="TNetwork">The engine model.</typeparam>
/// <typeparam name="TBatch">A collated batch.</typeparam>
/// <typeparam name="TOptions">The workflow's training options (a strategy reads its loss settings there).</typeparam>
public sealed record FitJob<TNetwork, TBatch, TOptions>
    where TNetwork : Module
{
    /// <summary>The initialised engine model; it holds the trained weights when the fit returns.</summary>
    public required TNetwork Network { get; init; }

    /// <summary>The engine optimizer over <see cref="Network"/>'s parameters; a twin trains with the TorchSharp
    /// optimizer of the same kind, groups and settings.</summary>
    public required Optimizer Optimizer { get; init; }

    /// <summary>The learning-rate factor of each optimizer step (a <c>LambdaLR</c>), or null for a constant
    /// rate.</summary>
    public Func<int, double>? Schedule { get; init; }

    /// <summary>When <see cref="Schedule"/> steps: per optimizer step (the default) or per epoch (its argument is then
    /// the epoch, as an <c>ExponentialLR(γ)</c> = <c>epoch => γ^epoch</c>).</summary>
    public SchedulerInterval ScheduleInterval { get; init; } = SchedulerInterval.Step;

    /// <summary>Gradient accumulation: the optimizer steps every this many batches.</summary>
    public int AccumulateGradBatches { get; init; } = 1;

    /// <summary>The training batches.</summary>
    public required IDataLoader<TBatch> Train { get; init; }

    /// <summary>The validation batches, or null.</summary>
    public IDataLoader<TBatch>? Validation { get; init; }

    /// <summary>Metrics over the whole validation loader, given the model's forward pass (outputs of a batch as
    /// floats); or null.</summary>
    public Func<Func<TBatch, float[]>, IDataLoader<TBatch>, IReadOnlyDictionary<string, double>>? Validate
    {
        get;
        init;
    }

    /// <summary>
    /// Metrics over the whole validation loader computed with <see cref="Network"/> itself, for a model whose
    /// validation reads several outputs through its own predictor (football's <c>FootballModel.Forecast</c>); a twin
    /// strategy copies its current weights into <see cref="Network"/> first. Or null.
    /// </summary>
    public Func<IDataLoader<TBatch>, IReadOnlyDictionary<string, double>>? ValidateNetwork { get; init; }

    /// <summary>Metrics of one validation batch, given the forward pass; or null.</summary>
    public Func<Func<TBatch, float[]>, TBatch, IReadOnlyDictionary<string, double>>? ValidationStep { get; init; }

    /// <summary>The epoch limit.</summary>
    public required int Epochs { get; init; }

    /// <summary>Early stopping, or null.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Whether the run ends with the best epoch's weights.</summary>
    public bool RestoreBestWeights { get; init; }

    /// <summary>Best, top-k and last checkpoints (the strategy's trainer writes them in the engine's format), or
    /// null.</summary>
    public CheckpointOptions? Checkpoints { get; init; }

    /// <summary>A checkpoint to continue from (<c>last</c>: <see cref="Checkpoints"/>' last one), or null.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>The gradient-norm clip, or null.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>The numeric precision (checked by the strategy's trainer).</summary>
    public string Precision { get; init; } = TrainingPrecision.Float32;

    /// <summary>The run's seed; a twin re-seeds LibTorch's generator with <c>seed · 1000 + epoch</c> at each epoch, as
    /// the engine workflows re-seed their dropout generators.</summary>
    public long Seed { get; init; }

    /// <summary>The workflow's training options.</summary>
    public required TOptions Options { get; init; }

    /// <summary>Progress, or null.</summary>
    public ITrainingProgress? Progress { get; init; }

    /// <summary>Callbacks (run metrics, re-seeding), in order.</summary>
    public IReadOnlyList<ITrainerCallback> Callbacks { get; init; } = [];

    /// <summary>Cancels the run between batches.</summary>
    public CancellationToken CancellationToken { get; init; }
}
