namespace Lib.Workflow;

/// <summary>
/// Where a workflow model trains and predicts, as <c>--device</c> names it: <c>cpu</c> is the lab's engine (the
/// default, and the fastest on a CPU); <c>torch-cpu</c> runs the model's TorchSharp twin on LibTorch's CPU build;
/// <c>cuda</c> runs the twin on an NVIDIA GPU (a build with <c>-p:TorchBackend=cuda</c>, which references
/// TorchSharp-cuda-linux). This type names the choice without depending on TorchSharp; <c>Lib.Torch</c> maps it to a
/// <c>torch.Device</c> and says clearly when the GPU or the CUDA build is missing.
/// </summary>
public sealed record ComputeDevice
{
    private ComputeDevice(string name, bool usesTorch) => (Name, UsesTorch) = (name, usesTorch);

    /// <summary>The lab's engine on the CPU (the default).</summary>
    public static ComputeDevice Cpu { get; } = new("cpu", false);

    /// <summary>The TorchSharp twin on LibTorch's CPU build.</summary>
    public static ComputeDevice TorchCpu { get; } = new("torch-cpu", true);

    /// <summary>The TorchSharp twin on the first CUDA GPU.</summary>
    public static ComputeDevice Cuda { get; } = new("cuda", true);

    /// <summary>Every device, in the order the help lists them.</summary>
    public static IReadOnlyList<ComputeDevice> All { get; } = [Cpu, TorchCpu, Cuda];

    /// <summary>The name as written on command lines and in notebooks: <c>cpu</c>, <c>torch-cpu</c>,
    /// <c>cuda</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the model runs as its TorchSharp twin (<c>torch-cpu</c>, <c>cuda</c>).</summary>
    public bool UsesTorch { get; }

    /// <summary>Reads a device name (any case, spaces trimmed; <c>engine</c> is <c>cpu</c>, <c>gpu</c> and
    /// <c>cuda:0</c> are <c>cuda</c>).</summary>
    /// <exception cref="ArgumentException">Any other text, naming the three devices.</exception>
    public static ComputeDevice Parse(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "cpu" or "engine" => Cpu,
            "torch-cpu" or "torch_cpu" or "torchcpu" => TorchCpu,
            "cuda" or "cuda:0" or "gpu" => Cuda,
            _ => throw new ArgumentException(
                $"Device '{text}' is not one of cpu (the lab's engine), torch-cpu (the TorchSharp twin on "
                    + "LibTorch's CPU) or cuda (the twin on an NVIDIA GPU)."
            ),
        };

    /// <inheritdoc />
    public override string ToString() => Name;
}
