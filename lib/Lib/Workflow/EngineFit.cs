using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// Runs a <see cref="FitJob{TNetwork, TBatch, TOptions}"/> on the lab's engine with <see cref="Trainer{TBatch}"/>:
/// the default strategy (<c>--device cpu</c>). The workflow gives the forward pass and the loss of a batch.
/// </summary>
/// <param name="forward">The model's output for a batch.</param>
/// <param name="loss">The scalar loss of an output, its batch and the options.</param>
public sealed class EngineFit<TNetwork, TBatch, TOptions>(
    Func<TNetwork, TBatch, Tensor> forward,
    Func<Tensor, TBatch, TOptions, Tensor> loss
) : IFitStrategy<TNetwork, TBatch, TOptions>
    where TNetwork : Module
{
    /// <inheritdoc />
    public ComputeDevice Device => ComputeDevice.Cpu;

    /// <inheritdoc />
    public TrainingHistory Fit(FitJob<TNetwork, TBatch, TOptions> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var network = job.Network;
        float[] Forward(TBatch b) => forward(network, b).ToArray();
        var trainer = new Trainer<TBatch>(network, job.Optimizer, b => loss(forward(network, b), b, job.Options))
        {
            MaxEpochs = job.Epochs,
            Precision = job.Precision,
            Scheduler = job.Schedule is null ? null : new LambdaLR(job.Optimizer, job.Schedule),
            ClipGradients = job.ClipNorm is { } clip ? ps => ClipGrad.ClipGradNorm(ps, clip) : null,
            Validate = job.Validate is null ? null : loader => job.Validate(Forward, loader),
            ValidationStep = job.ValidationStep is null ? null : b => job.ValidationStep(Forward, b),
            EarlyStopping = job.EarlyStopping,
            RestoreBestWeights = job.RestoreBestWeights,
            Progress = job.Progress,
        };
        trainer.Callbacks.AddRange(job.Callbacks);
        return trainer.Fit(job.Train, job.Validation, cancellationToken: job.CancellationToken);
    }
}
