using Lib.Track.Dataset;
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
        var run = TwinInference.Runner<List<HierarchicalLstmTwin>, (int Member, TrackBatch Batch), float[]>(
            device,
            () => model.Members.Select(HierarchicalLstmTwin.Of).ToList(), // one twin per member of an ensemble
            (twins, b, target) => TwinInference.ToArray(twins[b.Member].forward(TorchTrackBatch.From(b.Batch, target)))
        );
        model.Runner = run is null ? null : (k, batch) => run((k, batch));
    }
}
