using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// Runs a <see cref="FitJob{TNetwork, TBatch, TOptions}"/> on the lab's engine with <see cref="Trainer{TBatch}"/>:
/// the default strategy (<c>--device cpu</c>). The workflow gives the forward pass and the loss of a batch, or a
/// training step with named auxiliary terms (<see cref="TrainingStepOutput"/>).
/// </summary>
public sealed class EngineFit<TNetwork, TBatch, TOptions> : IFitStrategy<TNetwork, TBatch, TOptions>
    where TNetwork : Module
{
    private readonly Func<TNetwork, TBatch, TOptions, TrainingStepOutput> _step;
    private readonly Func<TNetwork, TBatch, Tensor>? _forward;

    /// <summary>A strategy whose loss reads the model's single output.</summary>
    /// <param name="forward">The model's output for a batch.</param>
    /// <param name="loss">The scalar loss of an output, its batch and the options.</param>
    public EngineFit(Func<TNetwork, TBatch, Tensor> forward, Func<Tensor, TBatch, TOptions, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(loss);
        _forward = forward;
        _step = (n, b, o) => loss(forward(n, b), b, o);
    }

    /// <summary>A strategy whose training step returns the main loss and weighted auxiliary terms (logged as
    /// <c>train_&lt;name&gt;</c>), and reads the network itself where it needs to (parameter penalties, several
    /// outputs).</summary>
    /// <param name="step">A batch's loss and auxiliary terms, given the network and the options.</param>
    /// <param name="forward">The output of a batch for <see cref="FitJob{TNetwork, TBatch, TOptions}.Validate"/> and
    /// <see cref="FitJob{TNetwork, TBatch, TOptions}.ValidationStep"/>, or null where the job validates with
    /// <see cref="FitJob{TNetwork, TBatch, TOptions}.ValidateNetwork"/>.</param>
    public EngineFit(
        Func<TNetwork, TBatch, TOptions, TrainingStepOutput> step,
        Func<TNetwork, TBatch, Tensor>? forward = null
    )
    {
        _step = step ?? throw new ArgumentNullException(nameof(step));
        _forward = forward;
    }

    /// <inheritdoc />
    public ComputeDevice Device => ComputeDevice.Cpu;

    /// <inheritdoc />
    public TrainingHistory Fit(FitJob<TNetwork, TBatch, TOptions> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var network = job.Network;
        float[] Forward(TBatch b) =>
            (
                _forward
                ?? throw new InvalidOperationException(
                    "The job's Validate/ValidationStep read a forward pass; this strategy was built without one."
                )
            )(network, b).ToArray();
        var trainer = new Trainer<TBatch>(network, job.Optimizer, b => _step(network, b, job.Options))
        {
            MaxEpochs = job.Epochs,
            Precision = job.Precision,
            AccumulateGradBatches = job.AccumulateGradBatches,
            Scheduler = job.Schedule is null ? null : new LambdaLR(job.Optimizer, job.Schedule),
            SchedulerInterval = job.ScheduleInterval,
            ClipGradients = job.ClipNorm is { } clip ? ps => ClipGrad.ClipGradNorm(ps, clip) : null,
            Validate =
                job.ValidateNetwork is { } whole ? whole
                : job.Validate is null ? null
                : loader => job.Validate(Forward, loader),
            ValidationStep = job.ValidationStep is null ? null : b => job.ValidationStep(Forward, b),
            EarlyStopping = job.EarlyStopping,
            RestoreBestWeights = job.RestoreBestWeights,
            Checkpoints = job.Checkpoints,
            Progress = job.Progress,
        };
        trainer.Callbacks.AddRange(job.Callbacks);
        return trainer.Fit(job.Train, job.Validation, job.ResumeFrom, job.CancellationToken);
    }
}
