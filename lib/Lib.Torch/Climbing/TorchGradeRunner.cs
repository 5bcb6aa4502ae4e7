using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Climbing;

/// <summary>
/// Runs a loaded grade model's predictions on its TorchSharp twin (<c>--device torch-cpu | cuda</c>): the twin gets
/// the model folder's weights and becomes the model's <see cref="GradeModel.Runner"/>; tokenising and grade scales stay
/// the model's.
/// </summary>
public static class TorchGradeRunner
{
    /// <summary>Makes <paramref name="model"/> predict on <paramref name="device"/>; <c>cpu</c> leaves it on the
    /// engine.</summary>
    public static void Use(GradeModel model, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Runner = TwinInference.Runner<GradeTransformerTwin, RouteBatch, float[]>(
            device,
            () => GradeTransformerTwin.Of(model.Network),
            (twin, batch, target) => TwinInference.ToArray(twin.forward(TorchRouteBatch.From(batch, target)))
        );
    }
}
