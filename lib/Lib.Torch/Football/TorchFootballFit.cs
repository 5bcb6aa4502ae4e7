using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Football.Train;
using Lib.Torch.Training;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Football;

/// <summary>
/// The football graph network's training loop on its twin (<see cref="TrajectoryGnnTwin"/>), for
/// <see cref="FootballTrainer.Train"/>'s <c>fit</c> argument: the same step as <see cref="FootballTrainer.Step"/>
/// (the displacement, or the mixture's NLL plus its best mode's displacement, and the weighted <c>velocity</c>,
/// <c>acceleration</c> and <c>coverage</c> terms under the engine's names). Validation reads every output through
/// <see cref="FootballModel.Forecast"/>, so the job validates with its engine network, which gets the twin's weights
/// before each validation.
/// </summary>
public static class TorchFootballFit
{
    /// <summary>The strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    public static IFitStrategy<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions> On(ComputeDevice device) =>
        new TorchFit<TrajectoryGnn, TrajectoryGnnTwin, TrajectoryBatch, TrajectoryBatchTensors, FootballTrainOptions>(
            device,
            Twin,
            (batch, target) => TrajectoryBatchTensors.From(batch, target),
            Step
        )
        {
            ToWorkingType = (batch, type) => batch.ToWorkingType(type),
        };

    /// <summary>The strategy for <paramref name="device"/>: the engine's for <c>cpu</c>, the twin's
    /// otherwise.</summary>
    public static IFitStrategy<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions> For(ComputeDevice device) =>
        device.UsesTorch ? On(device) : FootballTrainer.Engine;

    /// <summary>The twin of <paramref name="network"/>, with its weights.</summary>
    public static TrajectoryGnnTwin Twin(TrajectoryGnn network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var twin = new TrajectoryGnnTwin(network.Config);
        TorchState.CopyToTorch(network, twin);
        return twin;
    }

    /// <summary>One training step's loss and weighted auxiliary terms, as <see cref="FootballTrainer.Step"/>.</summary>
    public static TorchStepOutput Step(TrajectoryGnnTwin twin, TrajectoryBatchTensors b, FootballTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        var output = Float32(twin.forward(b.Frames, b.Positions, b.Velocity, b.Graph)); // mixed: loss in float32
        float? huber = options.HuberDelta is double d ? (float)d : null;
        torch.Tensor path,
            main;
        if (output.IsMixture)
        {
            path = TrajectoryLossTwin.BestMode(output.Means, b.Targets, b.TargetMask);
            main =
                TrajectoryLossTwin.MixtureNll(
                    output.Means,
                    output.LogSigma!,
                    output.ModeLogits!,
                    b.Targets,
                    b.TargetMask
                ) + TrajectoryLossTwin.Displacement(path, b.Targets, b.TargetMask, huber);
        }
        else
        {
            path = output.Means.select(1, 0); // [nodes, horizon, 2]
            main = TrajectoryLossTwin.Displacement(path, b.Targets, b.TargetMask, huber);
        }
        var auxiliary = new Dictionary<string, torch.Tensor>();
        if (options.VelocityWeight > 0)
            auxiliary["velocity"] = TorchWeights.Times(
                TrajectoryLossTwin.Velocity(path, b.Targets, b.TargetMask),
                options.VelocityWeight
            );
        if (options.AccelerationWeight > 0)
            auxiliary["acceleration"] = TorchWeights.Times(
                TrajectoryLossTwin.Acceleration(path, b.Targets, b.TargetMask),
                options.AccelerationWeight
            );
        if (options.CoverageWeight > 0)
            auxiliary["coverage"] = TorchWeights.Times(
                TrajectoryLossTwin.Coverage(output.CoverageLogit, b.CoverageLabels, b.CoverageMask),
                options.CoverageWeight
            );
        return new TorchStepOutput(main, auxiliary);
    }

    private static TrajectoryOutputTensors Float32(TrajectoryOutputTensors o) =>
        o.Means.dtype == torch.float32 && o.CoverageLogit.dtype == torch.float32
            ? o
            : new TrajectoryOutputTensors(
                o.Means.to(torch.float32),
                o.LogSigma?.to(torch.float32),
                o.ModeLogits?.to(torch.float32),
                o.CoverageLogit.to(torch.float32)
            );
}
