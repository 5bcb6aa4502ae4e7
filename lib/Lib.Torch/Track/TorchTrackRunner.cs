using Lib.Track.Model;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Track;

/// <summary>
/// Runs a loaded track model's forecasts on its TorchSharp twin (<c>--device torch-cpu | cuda</c>): the twin gets
/// the model folder's weights and becomes the model's <see cref="TrackModel.Runner"/>; encoding, scales and everything
/// else stay the model's.
/// </summary>
public static class TorchTrackRunner
{
    /// <summary>Makes <paramref name="model"/> forecast on <paramref name="device"/>; <c>cpu</c> leaves it on the
    /// engine.</summary>
    public static void Use(TrackModel model, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(device);
        if (!device.UsesTorch)
        {
            model.Runner = null;
            return;
        }
        var target = TorchDevice.Of(device);
        var twin = HierarchicalLstmTwin.Of(model.Network);
        twin.to(target);
        twin.eval();
        model.Runner = batch =>
        {
            using var _ = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            using var input = TorchTrackBatch.From(batch, target);
            using var output = twin.forward(input).cpu();
            return output.data<float>().ToArray();
        };
    }
}
