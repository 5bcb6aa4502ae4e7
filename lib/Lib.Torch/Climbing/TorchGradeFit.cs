using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Climbing.Train;
using Lib.Torch.Training;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Climbing;

/// <summary>
/// The grade Transformer's training loop on its twin (<see cref="GradeTransformerTwin"/>), for
/// <see cref="ClimbingTrainStep.Run"/>'s <c>fit</c> argument: the same MSE loss on the standardised grade as
/// <see cref="GradeModelTrainer.Engine"/>.
/// </summary>
public static class TorchGradeFit
{
    /// <summary>The strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    public static IFitStrategy<GradeTransformer, RouteBatch, TrainOptions> On(ComputeDevice device) =>
        new TorchFit<GradeTransformer, GradeTransformerTwin, RouteBatch, TorchRouteBatch, TrainOptions>(
            device,
            GradeTransformerTwin.Of,
            TorchRouteBatch.From,
            (twin, batch) => twin.forward(batch),
            (output, batch, _) => torch.nn.functional.mse_loss(output, batch.Target)
        )
        {
            ToWorkingType = (batch, type) => batch.ToWorkingType(type),
        };

    /// <summary>The strategy for <paramref name="device"/>: the engine's for <c>cpu</c>, the twin's
    /// otherwise.</summary>
    public static IFitStrategy<GradeTransformer, RouteBatch, TrainOptions> For(ComputeDevice device) =>
        device.UsesTorch ? On(device) : GradeModelTrainer.Engine;
}
