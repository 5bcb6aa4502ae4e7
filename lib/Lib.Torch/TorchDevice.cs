using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch;

/// <summary>
/// Maps a <see cref="ComputeDevice"/> to the <c>torch.Device</c> a twin runs on, with a clear message when it cannot:
/// <c>torch-cpu</c> is LibTorch's CPU; <c>cuda</c> needs a build with <c>-p:TorchBackend=cuda</c> (which references
/// the TorchSharp-cuda-linux package instead of TorchSharp-cpu) and a visible NVIDIA GPU
/// (<c>torch.cuda.is_available()</c>).
/// </summary>
public static class TorchDevice
{
    /// <summary>The backend this assembly was built against: <c>cpu</c> or <c>cuda</c>
    /// (the <c>TorchBackend</c> build property).</summary>
#if TORCH_CUDA
    public const string Backend = "cuda";
#else
    public const string Backend = "cpu";
#endif

    /// <summary>Whether this assembly was built with <c>-p:TorchBackend=cuda</c>.</summary>
    public static bool IsCudaBuild => Backend == "cuda";

    /// <summary>The torch device of <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentException"><c>cpu</c> (the engine, not a torch device).</exception>
    /// <exception cref="InvalidOperationException"><c>cuda</c> without the CUDA build or without a GPU.</exception>
    public static torch.Device Of(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        TorchNative.Preload();
        if (!device.UsesTorch)
            throw new ArgumentException(
                "Device 'cpu' is the lab's engine, not a TorchSharp device; use torch-cpu or cuda for the twin."
            );
        if (device == ComputeDevice.TorchCpu)
            return torch.CPU;
        if (!IsCudaBuild)
            throw new InvalidOperationException(
                "--device cuda needs the CUDA build of TorchSharp, but this lab was built with TorchSharp-cpu "
                    + "(LibTorch's CPU build). Rebuild with `dotnet build -p:TorchBackend=cuda`, which references the "
                    + "TorchSharp-cuda-linux package (it must be available from your NuGet feed), or use "
                    + "--device torch-cpu."
            );
        if (!torch.cuda.is_available())
            throw new InvalidOperationException(
                "--device cuda: torch.cuda.is_available() is false — no NVIDIA GPU is visible to LibTorch (check "
                    + "the driver, `nvidia-smi` and CUDA_VISIBLE_DEVICES), although this is the TorchSharp-cuda-linux "
                    + "build. Use --device torch-cpu or cpu on this machine."
            );
        return torch.CUDA;
    }
}
