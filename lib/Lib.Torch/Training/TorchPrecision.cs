using Lib.Tensors.Training;
using TorchSharp;

namespace Lib.Torch.Training;

/// <summary>
/// The precisions <see cref="TorchTrainer{TBatch}"/> trains in. <c>"32"</c> (or <c>"32-true"</c>) everywhere.
/// <c>"16-mixed"</c> is Lightning's automatic mixed precision, which needs CUDA, autocast and a gradient scaler:
/// on a CPU device it is refused as needing <c>--device cuda</c>; on CUDA it is refused too, because TorchSharp
/// 0.107.0 (the version this lab pins) has neither <c>torch.autocast</c> nor <c>GradScaler</c> — training in half
/// precision without them would underflow gradients silently, so the trainer says so rather than pretend.
/// </summary>
public static class TorchPrecision
{
    /// <summary>The name of Lightning's automatic mixed precision.</summary>
    public const string Mixed16 = "16-mixed";

    /// <summary>Returns <see cref="TrainingPrecision.Float32"/> for <c>"32"</c>/<c>"32-true"</c>; throws otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">Any other precision, with the reason.</exception>
    public static string Validate(string? precision, DeviceType device)
    {
        var text = precision?.Trim().ToLowerInvariant();
        if (text is "32" or "32-true")
            return TrainingPrecision.Float32;
        if (text is Mixed16 && device != DeviceType.CUDA)
            throw new ArgumentException(
                $"Precision '{precision}' is mixed precision on a GPU: it needs --device cuda (this run is on "
                    + $"{device.ToString().ToLowerInvariant()}); on a CPU use --precision 32."
            );
        if (text is Mixed16)
            throw new ArgumentException(
                $"Precision '{precision}' is not implemented: TorchSharp 0.107.0 has no autocast and no GradScaler, "
                    + "which mixed-precision training needs (half-precision gradients underflow without loss "
                    + "scaling); train with --precision 32 on cuda."
            );
        throw new ArgumentException(
            $"Precision '{precision}' is not supported by the TorchSharp trainer: use \"32\" (\"16-mixed\" is "
                + "refused too, see TorchPrecision)."
        );
    }
}
