using Lib.Track.Model;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Track;

/// <summary>
/// Runs a loaded track model's forecasts on TorchSharp twins (<c>--device torch-cpu | cuda</c>): a twin per member of
/// the ensemble gets that member's weights, and their forward passes become the model's
/// <see cref="TrackModel.Runner"/>; encoding, scales, the blend and everything else stay the model's.
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
        var twins = model.Members.Select(HierarchicalLstmTwin.Of).ToList(); // one per member of an ensemble
        foreach (var twin in twins)
        {
            twin.to(target);
            twin.eval();
        }
        model.Runner = (k, batch) =>
        {
            using var _ = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            using var input = TorchTrackBatch.From(batch, target);
            using var output = twins[k].forward(input).cpu();
            return output.data<float>().ToArray();
        };
    }
}
