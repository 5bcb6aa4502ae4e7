using Lib.Splits.Model;
using Lib.Workflow;
using EngineTensor = Lib.Tensors.Tensor;

namespace Lib.Torch.Splits;

/// <summary>
/// Runs a <see cref="SplitModel"/>'s encoder (the per-frame compression and the LSTM over clips, what
/// <c>lab splits find</c> spends its time on) on its TorchSharp twin (<c>--device torch-cpu | cuda</c>): the twin gets
/// the folder's weights, moves to the device, and becomes the model's <see cref="SplitModel.Runner"/>; the pair head
/// and the search stay the model's. <c>cpu</c> clears the runner (the engine).
/// </summary>
public static class TorchSplitsRunner
{
    /// <summary>Makes <paramref name="model"/> encode on <paramref name="device"/>.</summary>
    public static void Use(SplitModel model, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(model);
        var run = TwinInference.Runner<SiameseLstmTwin, (EngineTensor Input, bool Clips), EngineTensor>(
            device,
            () => TorchSplitsFit.Twin(model.Network),
            (twin, batch, target) =>
            {
                var input = TorchState.ToTorch(batch.Input, target);
                return TorchState.ToEngine(batch.Clips ? twin.EncodeCompressed(input) : twin.Compress(input));
            }
        );
        model.Runner = run is null
            ? null
            : new SplitRunner(frames => run((frames, false)), clips => run((clips, true)));
    }
}
