using Lib.Climbing.Dataset;
using TorchSharp;

namespace Lib.Torch.Climbing;

/// <summary>A <see cref="RouteBatch"/> as TorchSharp tensors on a device. Create it inside a dispose scope, or
/// dispose it.</summary>
public sealed record TorchRouteBatch(torch.Tensor Ids, torch.Tensor Features, torch.Tensor Mask, torch.Tensor Target)
    : IDisposable
{
    /// <summary>Copies <paramref name="batch"/> to <paramref name="device"/>.</summary>
    public static TorchRouteBatch From(RouteBatch batch, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(
            TorchState.ToTorch(batch.Ids, device),
            TorchState.ToTorch(batch.Features, device),
            TorchState.ToTorch(batch.Mask, device),
            TorchState.ToTorch(batch.Target, device)
        );
    }

    /// <summary>The batch with the hold features as <paramref name="type"/>, for mixed precision; the ids, the padding
    /// mask and the target stay as they are.</summary>
    public TorchRouteBatch ToWorkingType(torch.ScalarType type) => this with { Features = Features.to(type) };

    /// <inheritdoc />
    public void Dispose()
    {
        Ids.Dispose();
        Features.Dispose();
        Mask.Dispose();
        Target.Dispose();
    }
}
