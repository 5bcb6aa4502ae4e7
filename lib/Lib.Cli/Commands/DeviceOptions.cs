using System.CommandLine;
using Lib.Tensors.Training;
using Lib.Torch;
using Lib.Torch.Training;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>--device cpu | torch-cpu | cuda</c> and the precision that goes with it, for every <c>train</c> and
/// <c>predict</c> command: parsed once (<see cref="ComputeDevice.Parse"/>) and checked before any data is read, so a
/// missing GPU or CUDA build is a clear message up front.
/// </summary>
internal static class DeviceOptions
{
    /// <summary>The <c>--device</c> option (default <c>cpu</c>, the engine).</summary>
    public static Option<string> Create() =>
        new("--device")
        {
            Description =
                "Where the model runs: cpu (the lab's engine, the default), torch-cpu (its TorchSharp twin on "
                + "LibTorch's CPU) or cuda (the twin on an NVIDIA GPU; needs a build with -p:TorchBackend=cuda).",
            DefaultValueFactory = _ => ComputeDevice.Cpu.Name,
            HelpName = "cpu|torch-cpu|cuda",
        };

    /// <summary>The <c>--precision</c> option of a train command.</summary>
    public static Option<string> CreatePrecision() =>
        new("--precision")
        {
            Description =
                "The numeric precision: 32 (every device); bf16-mixed (--device torch-cpu or cuda: a bfloat16 working "
                + "copy against float32 master weights); 16-mixed (--device cuda: float16 with a dynamic loss "
                + "scaler). The engine (--device cpu) computes in float32 only.",
            DefaultValueFactory = _ => TrainingPrecision.Float32,
        };

    /// <summary>The device named by <paramref name="text"/>, checked: <c>cuda</c> needs the CUDA build and a
    /// GPU.</summary>
    public static ComputeDevice Parse(string? text)
    {
        ComputeDevice device;
        try
        {
            device = ComputeDevice.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--device: " + e.Message, e);
        }
        try
        {
            if (device.UsesTorch)
                TorchDevice.Of(device); // a clear message without the CUDA build or a GPU
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e); // a usage error (exit 2), before any data is read
        }
        return device;
    }

    /// <summary>The precision <paramref name="text"/> on <paramref name="device"/>, checked before the device is
    /// (every sport's twin casts its inputs to the mixed-precision working type).</summary>
    public static string Precision(string? text, string? device)
    {
        var parsed = ComputeDevice.Parse(device);
        var name = text?.Trim().ToLowerInvariant();
        bool mixed = name is TorchPrecision.Mixed16 or TorchPrecision.MixedBf16;
        if (!parsed.UsesTorch && mixed)
            throw new ArgumentException(
                $"--precision {text} is mixed precision on the TorchSharp twin: it needs --device "
                    + (name is TorchPrecision.Mixed16 ? "cuda" : "torch-cpu or cuda")
                    + "; the engine (--device cpu) computes in float32 only."
            );
        if (!parsed.UsesTorch)
            return TrainingPrecision.Validate(text, "--precision");
        return TorchPrecision.Validate(text, parsed == ComputeDevice.Cuda ? DeviceType.CUDA : DeviceType.CPU);
    }
}
