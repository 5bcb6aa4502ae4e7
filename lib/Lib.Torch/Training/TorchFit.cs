using Lib.Tensors.Training;
using Lib.Workflow;
using TorchSharp;
using EngineModule = Lib.Tensors.NN.Module;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Training;

/// <summary>
/// Runs a workflow's <see cref="FitJob{TNetwork, TBatch, TOptions}"/> on the model's TorchSharp twin with
/// <see cref="TorchTrainer{TBatch}"/> (<c>--device torch-cpu | cuda</c>): the twin starts from the job's initialised
/// engine weights, trains on the device with the mirrored optimizer (<see cref="TorchOptimizers"/>) and the job's
/// schedule, metrics, early stopping, callbacks and progress, and its trained weights are copied back into the job's
/// engine network — so the Train room saves the model folder exactly as on the engine. A sport supplies its twin, the
/// batch conversion, the forward pass and the loss, or a training step with auxiliary terms (its <c>Torch…Fit</c>
/// class). Checkpoints (best, top-k, last) and resume, gradient accumulation and per-step or per-epoch schedules are
/// the job's; a job that validates with <c>ValidateNetwork</c> gets the twin's current weights in its engine network
/// before each validation (so validation itself runs on the engine's CPU). With <c>bf16-mixed</c> or <c>16-mixed</c>
/// the training step runs on a second twin in the working type (<see cref="TorchMixedPrecision"/>, inputs cast by
/// <see cref="ToWorkingType"/>) while the float32 twin holds the masters that are stepped, validated, checkpointed
/// and copied back.
/// </summary>
public sealed class TorchFit<TNetwork, TTwin, TBatch, TTwinBatch, TOptions> : IFitStrategy<TNetwork, TBatch, TOptions>
    where TNetwork : EngineModule
    where TTwin : TorchModule
    where TTwinBatch : IDisposable
{
    private readonly Func<TNetwork, TTwin> _twinOf;
    private readonly Func<TBatch, torch.Device, TTwinBatch> _toDevice;
    private readonly Func<TTwin, TTwinBatch, torch.Tensor>? _forward;
    private readonly Func<TTwin, TTwinBatch, TOptions, TorchStepOutput> _step;

    /// <summary>A strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    /// <param name="device">Where to train; <c>cuda</c> is checked when <see cref="Fit"/> starts.</param>
    /// <param name="twinOf">The twin of an engine network, with its weights.</param>
    /// <param name="toDevice">A batch as tensors on the device.</param>
    /// <param name="forward">The twin's output for a batch.</param>
    /// <param name="loss">The scalar loss of an output, its batch and the options.</param>
    public TorchFit(
        ComputeDevice device,
        Func<TNetwork, TTwin> twinOf,
        Func<TBatch, torch.Device, TTwinBatch> toDevice,
        Func<TTwin, TTwinBatch, torch.Tensor> forward,
        Func<torch.Tensor, TTwinBatch, TOptions, torch.Tensor> loss
    )
        : this(device, twinOf, toDevice, (t, b, o) => loss(forward(t, b).to(torch.float32), b, o), forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(loss);
    }

    /// <summary>A strategy whose training step returns the main loss and weighted auxiliary terms (the names the
    /// engine's step logs) and reads the twin itself where it needs to (parameter penalties, several
    /// outputs).</summary>
    /// <param name="device">Where to train; <c>cuda</c> is checked when <see cref="Fit"/> starts.</param>
    /// <param name="twinOf">The twin of an engine network, with its weights.</param>
    /// <param name="toDevice">A batch as tensors on the device.</param>
    /// <param name="step">A batch's loss and auxiliary terms, given the twin and the options.</param>
    /// <param name="forward">The twin's output of a batch for the job's <c>Validate</c>/<c>ValidationStep</c>, or
    /// null where the job validates with <c>ValidateNetwork</c>.</param>
    public TorchFit(
        ComputeDevice device,
        Func<TNetwork, TTwin> twinOf,
        Func<TBatch, torch.Device, TTwinBatch> toDevice,
        Func<TTwin, TTwinBatch, TOptions, TorchStepOutput> step,
        Func<TTwin, TTwinBatch, torch.Tensor>? forward = null
    )
    {
        Device = device ?? throw new ArgumentNullException(nameof(device));
        if (!device.UsesTorch)
            throw new ArgumentException("Device 'cpu' is the engine: use the workflow's engine strategy.");
        _twinOf = twinOf ?? throw new ArgumentNullException(nameof(twinOf));
        _toDevice = toDevice ?? throw new ArgumentNullException(nameof(toDevice));
        _step = step ?? throw new ArgumentNullException(nameof(step));
        _forward = forward;
    }

    /// <inheritdoc />
    public ComputeDevice Device { get; }

    /// <summary>
    /// A device batch with the inputs the twin reads cast to a working type (bfloat16, float16), for mixed precision;
    /// targets and weights stay float32. Without it a mixed-precision job is refused. The outputs of the
    /// forward-and-loss constructor are cast to float32 before the loss.
    /// </summary>
    public Func<TTwinBatch, torch.ScalarType, TTwinBatch>? ToWorkingType { get; init; }

    /// <inheritdoc />
    public TrainingHistory Fit(FitJob<TNetwork, TBatch, TOptions> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var device = TorchDevice.Of(Device);
        using var twin = _twinOf(job.Network);
        TorchModuleMove.Apply(twin, m => m.to(device)); // re-points the twin's fields (CUDA)
        using var optimizer = TorchOptimizers.Mirror(job.Optimizer, job.Network, twin);
        var precision = TorchPrecision.Validate(job.Precision, device.type);
        TorchMixedPrecision? mixed = null;
        using var working = precision == TrainingPrecision.Float32 ? null : _twinOf(job.Network);
        if (working is not null)
        {
            if (ToWorkingType is null)
                throw new NotSupportedException(
                    $"Precision '{precision}' is not available for {typeof(TTwin).Name} yet: its training strategy "
                        + "has no input cast to the working type (ToWorkingType); train with --precision 32."
                );
            TorchModuleMove.Apply(working, m => m.to(device));
            mixed = new TorchMixedPrecision(twin, working, precision);
        }
        var scheduler = job.Schedule is null ? null : torch.optim.lr_scheduler.LambdaLR(optimizer, job.Schedule);
        float[] Forward(TBatch b)
        {
            var forward =
                _forward
                ?? throw new InvalidOperationException(
                    "The job's Validate/ValidationStep read a forward pass; this strategy was built without one."
                );
            using var scope = torch.NewDisposeScope();
            using var input = _toDevice(b, device);
            using var output = forward(twin, input).detach().cpu().contiguous();
            return output.data<float>().ToArray();
        }
        IReadOnlyDictionary<string, double> OnNetwork(
            Func<Lib.Tensors.Data.IDataLoader<TBatch>, IReadOnlyDictionary<string, double>> validate,
            Lib.Tensors.Data.IDataLoader<TBatch> loader
        )
        {
            TorchState.CopyToEngine(twin, job.Network); // the twin's current weights, validated by the workflow
            job.Network.Eval();
            return validate(loader);
        }
        var trainer = new TorchTrainer<TBatch>(twin, optimizer, b =>
        {
            var input = _toDevice(b, device); // freed with the step's dispose scope
            if (mixed is not null)
                input = ToWorkingType!(input, mixed.WorkingType);
            return _step(working ?? twin, input, job.Options);
        })
        {
            Device = device,
            MaxEpochs = job.Epochs,
            Precision = precision,
            Mixed = mixed,
            AccumulateGradBatches = job.AccumulateGradBatches,
            Scheduler = scheduler,
            SchedulerInterval = job.ScheduleInterval,
            ClipGradients = job.ClipNorm is { } clip ? ps => torch.nn.utils.clip_grad_norm_(ps, clip) : null,
            Validate =
                job.ValidateNetwork is { } whole ? loader => OnNetwork(whole, loader)
                : job.Validate is null ? null
                : loader => job.Validate(Forward, loader),
            ValidationStep = job.ValidationStep is null ? null : b => job.ValidationStep(Forward, b),
            EarlyStopping = job.EarlyStopping,
            RestoreBestWeights = job.RestoreBestWeights,
            Checkpoints = job.Checkpoints,
            Progress = job.Progress,
        };
        trainer.Callbacks.Add(
            new LambdaCallback { EpochStart = c => torch.manual_seed(job.Seed * 1000 + c.Epoch) } // dropout masks
        );
        trainer.Callbacks.AddRange(job.Callbacks);
        var history = trainer.Fit(job.Train, job.Validation, job.ResumeFrom, job.CancellationToken);
        TorchState.CopyToEngine(twin, job.Network);
        return history;
    }
}
