using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Football;

/// <summary>
/// Runs a <see cref="FootballModel"/>'s forecasts on its TorchSharp twin (<c>--device torch-cpu | cuda</c>): the twin
/// gets the folder's weights, moves to the device, and becomes the model's <see cref="FootballModel.Runner"/>, whose
/// outputs come back as engine tensors (mode weights, coverage and everything after the network stay the model's).
/// <c>cpu</c> clears the runner (the engine).
/// </summary>
public static class TorchFootballRunner
{
    /// <summary>Makes <paramref name="model"/> run on <paramref name="device"/>.</summary>
    public static void Use(FootballModel model, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Runner = TwinInference.Runner<TrajectoryGnnTwin, TrajectoryBatch, TrajectoryOutput>(
            device,
            () =>
            {
                var twin = new TrajectoryGnnTwin(model.Network.Config);
                TorchState.CopyToTorch(model.Network, twin);
                return twin;
            },
            (twin, batch, target) => Forward(twin, batch, target)
        );
    }

    private static TrajectoryOutput Forward(TrajectoryGnnTwin twin, TrajectoryBatch batch, torch.Device target)
    {
        using var input = TrajectoryBatchTensors.From(batch, target);
        var output = twin.forward(input.Frames, input.Positions, input.Velocity, input.Graph);
        return new TrajectoryOutput(
            TorchState.ToEngine(output.Means),
            output.LogSigma is null ? null : TorchState.ToEngine(output.LogSigma),
            output.ModeLogits is null ? null : TorchState.ToEngine(output.ModeLogits),
            TorchState.ToEngine(output.CoverageLogit)
        );
    }
}
