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
        ArgumentNullException.ThrowIfNull(device);
        if (!device.UsesTorch)
        {
            model.Runner = null;
            return;
        }
        var target = TorchDevice.Of(device);
        var twin = new GlideatorNetTwin(model.Network.Config);
        TorchState.CopyToTorch(model.Network, twin);
        twin.to(target);
        twin.eval();
        model.Runner = batch =>
        {
            using var _ = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            using var input = SiteDayTensors.From(batch, target);
            using var output = twin.forward(input).cpu().contiguous();
            return output.data<float>().ToArray();
        };
    }
}
