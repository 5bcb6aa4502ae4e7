using Lib.Tensors.Training;
using TorchSharp;
using EngineTensor = Lib.Tensors.Tensor;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Training;

/// <summary>
/// The kit's trainer for a TorchSharp module (a twin of an engine model), on LibTorch's CPU or a CUDA device: the
/// same loop, options and semantics as the engine's <see cref="Trainer{TBatch}"/>, because both are
/// <see cref="TrainerBase{TBatch}"/> — progress (<see cref="ITrainingProgress"/>), callbacks
/// (<see cref="ITrainerCallback"/>), <see cref="EarlyStopping"/>, best/top-k/last checkpoints
/// (<see cref="CheckpointOptions"/>), resume, gradient accumulation, <see cref="TrainingHistory"/> — with
/// TorchSharp's optimizers (Adam, AdamW; their state is checkpointed by <see cref="TorchOptimizerState"/>) and
/// learning-rate schedules. Checkpoints are the engine's safetensors files (<see cref="TrainingCheckpoint"/>), model
/// weights keyed by the state-dict keys the twin shares with its engine model, so a checkpoint trained here loads into
/// the engine model and the other way round. Each training step and each validation batch runs in a TorchSharp
/// dispose scope; the training step moves its batch to the model's device.
/// </summary>
/// <example><code>
/// var trainer = new TorchTrainer&lt;Batch&gt;(twin, torch.optim.AdamW(twin.parameters(), lr: 1e-3),
///     b => torch.nn.functional.mse_loss(twin.forward(b.X.to(device)), b.Y.to(device)))
/// {
///     MaxEpochs = 20,
///     EarlyStopping = new EarlyStopping("val_loss", patience: 3),
///     Checkpoints = new CheckpointOptions("artifacts/models/run1") { Monitor = "val_loss" },
///     ClipGradients = ps => torch.nn.utils.clip_grad_norm_(ps, 1.0),
/// };
/// </code></example>
public sealed class TorchTrainer<TBatch> : TrainerBase<TBatch>
{
    /// <summary>A trainer of <paramref name="model"/> by <paramref name="optimizer"/>, with
    /// <paramref name="trainingStep"/> returning a batch's scalar loss.</summary>
    public TorchTrainer(TorchModule model, torch.optim.Optimizer optimizer, Func<TBatch, torch.Tensor> trainingStep)
        : this(model, optimizer, Wrap(trainingStep)) { }

    /// <summary>A trainer whose <paramref name="trainingStep"/> returns a main loss and named auxiliary
    /// terms.</summary>
    public TorchTrainer(TorchModule model, torch.optim.Optimizer optimizer, Func<TBatch, TorchStepOutput> trainingStep)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        TrainingStep = trainingStep ?? throw new ArgumentNullException(nameof(trainingStep));
    }

    private static Func<TBatch, TorchStepOutput> Wrap(Func<TBatch, torch.Tensor> step)
    {
        ArgumentNullException.ThrowIfNull(step, "trainingStep");
        return b => step(b);
    }

    /// <summary>The TorchSharp model (switched between training and evaluation mode).</summary>
    public TorchModule Model { get; }

    /// <summary>The TorchSharp optimizer (Adam or AdamW for checkpoints).</summary>
    public torch.optim.Optimizer Optimizer { get; }

    /// <summary>Computes a batch's scalar loss (and any auxiliary terms) with the graph recorded.</summary>
    public Func<TBatch, TorchStepOutput> TrainingStep { get; }

    /// <summary>An optional TorchSharp learning-rate schedule, stepped per
    /// <see cref="TrainerBase{TBatch}.SchedulerInterval"/>.</summary>
    public torch.optim.lr_scheduler.LRScheduler? Scheduler { get; set; }

    /// <summary>Called with the model's trainable parameters after backward and before each step, e.g. <c>ps =>
    /// torch.nn.utils.clip_grad_norm_(ps, 1.0)</c>.</summary>
    public Action<IList<TorchSharp.Modules.Parameter>>? ClipGradients { get; set; }

    /// <summary>The device the model trains on; <see cref="TrainerBase{TBatch}.Precision"/> is checked against it
    /// (<see cref="TorchPrecision"/>).</summary>
    public torch.Device Device { get; set; } = torch.CPU;

    /// <summary>
    /// Mixed precision (<c>bf16-mixed</c>, <c>16-mixed</c>): the working copy that <see cref="TrainingStep"/> must run,
    /// with <see cref="Model"/> as its float32 master; null for float32. Must match
    /// <see cref="TrainerBase{TBatch}.Precision"/>. The loss is cast to float32 (and scaled for float16) before
    /// backward; gradients reach the masters in float32 and are unscaled before clipping; a float16 step with inf or
    /// NaN gradients is skipped; the masters are copied back into the working copy after each step. Checkpoints hold
    /// the float32 masters.
    /// </summary>
    public TorchMixedPrecision? Mixed { get; set; }

    private bool _skipped;

    /// <inheritdoc />
    protected override bool StepSkipped => _skipped;

    /// <inheritdoc />
    protected override void CheckPrecision()
    {
        var precision = TorchPrecision.Validate(Precision, Device.type);
        if (Mixed is null && precision != TrainingPrecision.Float32)
            throw new InvalidOperationException(
                $"Precision '{precision}' trains a working copy against float32 masters: set Mixed "
                    + "(a TorchMixedPrecision of the model and its copy) and run the training step on Mixed.Working."
            );
        if (Mixed is not null && (Mixed.Precision != precision || !ReferenceEquals(Mixed.Master, Model)))
            throw new InvalidOperationException(
                $"Mixed ({Mixed.Precision}) must match Precision ('{precision}') and have the trained Model as its "
                    + "master."
            );
    }

    /// <inheritdoc />
    protected override void SetTrainingMode(bool training)
    {
        Model.train(training);
        Mixed?.Working.train(training);
    }

    /// <inheritdoc />
    protected override double CurrentLearningRate => Optimizer.ParamGroups.First().LearningRate;

    /// <inheritdoc />
    protected override IReadOnlyList<double?> GroupLearningRates() =>
        [.. Optimizer.ParamGroups.Select(g => (double?)g.LearningRate)];

    /// <inheritdoc />
    protected override void SetGroupLearningRates(IReadOnlyList<double?> rates)
    {
        int i = 0;
        foreach (var group in Optimizer.ParamGroups)
        {
            if (rates[i] is { } rate)
                group.LearningRate = rate;
            i++;
        }
    }

    /// <inheritdoc />
    protected override bool HasScheduler => Scheduler is not null;

    /// <inheritdoc />
    protected override void StepScheduler() => Scheduler!.step();

    /// <inheritdoc />
    protected override (double Loss, IReadOnlyDictionary<string, double> Auxiliary) TrainBatch(
        TBatch batch,
        int epoch,
        int index,
        bool zeroGrad,
        bool step,
        int accumulate
    )
    {
        using var scope = torch.NewDisposeScope(); // the step's tensors are freed before the next one
        if (zeroGrad)
        {
            Optimizer.zero_grad();
            Mixed?.ZeroWorkingGradients();
        }
        var output = TrainingStep(batch);
        RequireScalar(output.Loss, "loss", epoch, index);
        var total = Mixed is null ? output.Loss : output.Loss.to(torch.float32); // the loss in float32
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in output.Auxiliary ?? new Dictionary<string, torch.Tensor>())
        {
            TrainingStepOutput.CheckTermName(name, epoch, index);
            RequireScalar(term, $"auxiliary term '{name}'", epoch, index);
            terms[name] = term.detach().cpu().to(torch.float64).item<double>();
            total = total + term;
        }
        double value = total.detach().cpu().to(torch.float64).item<double>();
        var scaler = Mixed?.Scaler;
        var backward = accumulate == 1 ? total : total / accumulate;
        (scaler is null ? backward : scaler.ScaleLoss(backward)).backward();
        _skipped = false;
        if (step)
        {
            Mixed?.GradientsToMasters();
            var trained = Model.parameters().Where(p => p.requires_grad).ToList();
            if (scaler is not null)
            {
                bool finite = scaler.Unscale(trained.Select(p => p.grad));
                scaler.Update(finite);
                _skipped = !finite;
            }
            if (!_skipped)
            {
                ClipGradients?.Invoke(trained);
                Optimizer.step();
                Mixed?.AfterStep();
            }
        }
        return (value, terms);
    }

    private static void RequireScalar(torch.Tensor t, string what, int epoch, int batch)
    {
        if (t.numel() != 1)
            throw new InvalidOperationException(
                $"The training step must return a scalar {what}; it returned shape [{string.Join(", ", t.shape)}] "
                    + $"(epoch {epoch}, batch {batch})."
            );
    }

    /// <inheritdoc />
    protected override IDisposable NoGradScope() => torch.no_grad();

    /// <inheritdoc />
    protected override IDisposable BatchScope() => torch.NewDisposeScope();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, EngineTensor> ModelState() => TorchState.StateDict(Model);

    /// <inheritdoc />
    protected override Dictionary<string, EngineTensor> SnapshotModelState() => TorchState.StateDict(Model);

    /// <inheritdoc />
    protected override void LoadModelState(IReadOnlyDictionary<string, EngineTensor> state)
    {
        TorchState.LoadInto(Model, state);
        Mixed?.CopyToWorking();
    }

    private const string ScaleKey = "loss_scaler.scale",
        GoodStepsKey = "loss_scaler.good_steps";

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, EngineTensor> OptimizerState()
    {
        var state = TorchOptimizerState.StateDict(Optimizer);
        if (Mixed?.Scaler is not { } scaler)
            return state;
        var withScaler = new Dictionary<string, EngineTensor>(state, StringComparer.Ordinal)
        {
            [ScaleKey] = EngineTensor.FromArray([(float)scaler.Scale], 1),
            [GoodStepsKey] = EngineTensor.FromArray([scaler.GoodSteps], 1),
        };
        return withScaler;
    }

    /// <inheritdoc />
    protected override void LoadOptimizerState(IReadOnlyDictionary<string, EngineTensor> state)
    {
        if (state.TryGetValue(ScaleKey, out var scale) && Mixed?.Scaler is { } scaler)
            scaler.Restore(
                scale.ToArray()[0],
                state.TryGetValue(GoodStepsKey, out var good) ? (int)good.ToArray()[0] : 0
            );
        TorchOptimizerState.LoadStateDict(
            Optimizer,
            state.Where(p => p.Key is not (ScaleKey or GoodStepsKey)).ToDictionary(p => p.Key, p => p.Value)
        );
    }
}
