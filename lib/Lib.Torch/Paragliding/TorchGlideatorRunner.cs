using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Paragliding;

/// <summary>
/// Runs a <see cref="GlideatorModel"/>'s predictions on its TorchSharp twin (<c>--device torch-cpu | cuda</c>): the
/// twin gets the folder's weights, moves to the device, and becomes the model's <see cref="GlideatorModel.Runner"/>;
/// the calibration and everything around the network stay the model's. <c>cpu</c> clears the runner (the engine).
/// </summary>
public static class TorchGlideatorRunner
{
    /// <summary>Makes <paramref name="model"/> run on <paramref name="device"/>.</summary>
    public static void Use(GlideatorModel model, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Runner = TwinInference.Runner<GlideatorNetTwin, SiteDayBatch, float[]>(
            device,
            () =>
            {
                var twin = new GlideatorNetTwin(model.Network.Config);
                TorchState.CopyToTorch(model.Network, twin);
                return twin;
            },
            (twin, batch, target) => TwinInference.ToArray(twin.forward(SiteDayTensors.From(batch, target)))
        );
    }
}
