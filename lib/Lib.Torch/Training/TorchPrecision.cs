using Lib.Tensors.Training;
using TorchSharp;

namespace Lib.Torch.Training;

/// <summary>
/// The precisions <see cref="TorchTrainer{TBatch}"/> trains in, named as Lightning's <c>precision</c> argument.
/// <c>"32"</c> (or <c>"32-true"</c>) everywhere; <c>"bf16-mixed"</c> on LibTorch's CPU and on CUDA;
/// <c>"16-mixed"</c> on CUDA only. TorchSharp 0.107.0 has neither <c>torch.autocast</c> nor <c>GradScaler</c>, so the
/// mixed precisions are done by hand (<see cref="TorchMixedPrecision"/>): a working copy of the twin in bfloat16 or
/// float16, float32 master parameters stepped by the optimizer and, for float16, a dynamic loss scaler
/// (<see cref="TorchLossScaler"/>). <c>"16-mixed"</c> is refused on a CPU device: LibTorch's CPU float16 kernels are
/// slow and not what a user with no GPU should train in — bfloat16 has float32's exponent range and needs no scaler.
/// </summary>
public static class TorchPrecision
{
    /// <summary>Mixed precision with a float16 working copy and a loss scaler (CUDA).</summary>
    public const string Mixed16 = "16-mixed";

    /// <summary>Mixed precision with a bfloat16 working copy (LibTorch's CPU or CUDA).</summary>
    public const string MixedBf16 = "bf16-mixed";

    /// <summary>The canonical precision for <paramref name="precision"/> on <paramref name="device"/>:
    /// <see cref="TrainingPrecision.Float32"/>, <see cref="MixedBf16"/> or <see cref="Mixed16"/>.</summary>
    /// <exception cref="ArgumentException">Any other precision, or 16-mixed on a CPU, with the reason.</exception>
    public static string Validate(string? precision, DeviceType device)
    {
        var text = precision?.Trim().ToLowerInvariant();
        if (text is "32" or "32-true")
            return TrainingPrecision.Float32;
        if (text is MixedBf16)
            return MixedBf16;
        if (text is Mixed16 && device != DeviceType.CUDA)
            throw new ArgumentException(
                $"Precision '{precision}' (float16 with a loss scaler) needs --device cuda (this run is on "
                    + $"{device.ToString().ToLowerInvariant()}); on a CPU use --precision bf16-mixed or 32."
            );
        if (text is Mixed16)
            return Mixed16;
        throw new ArgumentException(
            $"Precision '{precision}' is not supported by the TorchSharp trainer: use \"32\", \"bf16-mixed\" "
                + "(torch-cpu or cuda) or \"16-mixed\" (cuda)."
        );
    }

    /// <summary>The working copy's element type for a canonical precision: bfloat16, float16, or null for
    /// float32.</summary>
    public static torch.ScalarType? WorkingType(string precision) =>
        precision switch
        {
            TrainingPrecision.Float32 => null,
            MixedBf16 => torch.ScalarType.BFloat16,
            Mixed16 => torch.ScalarType.Float16,
            _ => throw new ArgumentException($"'{precision}' is not a canonical precision (see Validate)."),
        };
}
