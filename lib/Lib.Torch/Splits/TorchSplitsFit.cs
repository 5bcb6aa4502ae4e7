using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Torch.Training;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Splits;

/// <summary>
/// The split timer's training loop on its twin (<see cref="SiameseLstmTwin"/>), for
/// <see cref="SplitModelTrainer.Train"/>'s <c>fit</c> argument (and <see cref="SplitsTrainRequest.Fit"/>): the same
/// loss as <see cref="SplitModelTrainer.Engine"/> (BCE on the logit for the classifier, MSE for the regressor),
/// validation on the device.
/// </summary>
public static class TorchSplitsFit
{
    /// <summary>The strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    public static IFitStrategy<SiameseLstm, SplitBatch, SplitsTrainOptions> On(ComputeDevice device) =>
        new TorchFit<SiameseLstm, SiameseLstmTwin, SplitBatch, TorchSplitBatch, SplitsTrainOptions>(
            device,
            Twin,
            TorchSplitBatch.From,
            (twin, batch) => twin.forward(batch.Source, batch.Target),
            (output, batch, options) =>
                options.Task == SampleTask.Classifier
                    ? torch.nn.functional.binary_cross_entropy_with_logits(output, batch.Label)
                    : torch.nn.functional.mse_loss(output, batch.Label)
        )
        {
            ToWorkingType = (batch, type) => batch.ToWorkingType(type),
        };

    /// <summary>The strategy for <paramref name="device"/>: the engine's for <c>cpu</c>, the twin's
    /// otherwise.</summary>
    public static IFitStrategy<SiameseLstm, SplitBatch, SplitsTrainOptions> For(ComputeDevice device) =>
        device.UsesTorch ? On(device) : SplitModelTrainer.Engine;

    /// <summary>The twin of <paramref name="network"/>, with its weights.</summary>
    public static SiameseLstmTwin Twin(SiameseLstm network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var twin = new SiameseLstmTwin(network.Config);
        TorchState.CopyToTorch(network, twin);
        return twin;
    }
}
