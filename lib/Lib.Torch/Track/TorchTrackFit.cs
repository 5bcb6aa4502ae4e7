using Lib.Torch.Training;
using Lib.Track.Dataset;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Track;

/// <summary>
/// The track forecaster's training loop on its twin (<see cref="HierarchicalLstmTwin"/>), for
/// <see cref="TrackTrainStep.Run"/>'s <c>fit</c> argument: the same L1 loss (or percent loss when
/// <see cref="TrackTrainOptions.PercentLoss"/>) as <see cref="TrackTrainer.Engine"/>.
/// </summary>
public static class TorchTrackFit
{
    /// <summary>The strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    public static IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions> On(ComputeDevice device) =>
        new TorchFit<HierarchicalLstm, HierarchicalLstmTwin, TrackBatch, TorchTrackBatch, TrackTrainOptions>(
            device,
            HierarchicalLstmTwin.Of,
            TorchTrackBatch.From,
            (twin, batch) => twin.forward(batch),
            (output, batch, options) =>
                options.PercentLoss
                    ? ((output - batch.Target).abs() * batch.Weight).mean()
                    : torch.nn.functional.l1_loss(output, batch.Target)
        )
        {
            ToWorkingType = (batch, type) => batch.ToWorkingType(type),
        };

    /// <summary>The strategy for <paramref name="device"/>: the engine's for <c>cpu</c>, the twin's
    /// otherwise.</summary>
    public static IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions> For(ComputeDevice device) =>
        device.UsesTorch ? On(device) : TrackTrainer.Engine;
}
