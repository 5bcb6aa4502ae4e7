using Lib.Workflow;
using TorchSharp;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch;

/// <summary>
/// What every sport's torch runner does (<c>TorchTrackRunner</c>, <c>TorchGradeRunner</c> …): for <c>cpu</c> nothing
/// (the model keeps running on the engine); otherwise the twins, built from the loaded model's weights, move to the
/// device in evaluation mode, and the returned function runs a batch on them without gradients, in a dispose scope, so
/// only what it returns outlives the call.
/// </summary>
public static class TwinInference
{
    /// <summary>
    /// A batch runner on <paramref name="device"/>, or null for <c>cpu</c>. <paramref name="twins"/> is called only
    /// for a torch device; <paramref name="run"/> gets the twins, the batch and the torch device, and must return
    /// CPU values (arrays or engine tensors), not torch tensors.
    /// </summary>
    public static Func<TBatch, TOut>? Runner<TTwins, TBatch, TOut>(
        ComputeDevice device,
        Func<TTwins> twins,
        Func<TTwins, TBatch, torch.Device, TOut> run
    )
        where TTwins : class
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!device.UsesTorch)
            return null;
        var target = TorchDevice.Of(device);
        var built = twins();
        foreach (var twin in built as IEnumerable<TorchModule> ?? [(TorchModule)(object)built])
        {
            TorchModuleMove.Apply(twin, m => m.to(target)); // re-points fields on a CUDA move
            twin.eval();
        }
        return batch =>
        {
            using var _ = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            return run(built, batch, target);
        };
    }

    /// <summary>A float32 output as a CPU array.</summary>
    public static float[] ToArray(torch.Tensor output)
    {
        using var cpu = output.cpu().contiguous();
        return cpu.data<float>().ToArray();
    }
}
