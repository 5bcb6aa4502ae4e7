using Lib.Splits.Train;
using TorchSharp;

namespace Lib.Torch.Splits;

/// <summary>A <see cref="SplitBatch"/> as TorchSharp tensors on a device: source and target clips [B, F, D], labels
/// [B]. Create it inside a dispose scope, or dispose it.</summary>
public sealed record TorchSplitBatch(torch.Tensor Source, torch.Tensor Target, torch.Tensor Label) : IDisposable
{
    /// <summary>Copies <paramref name="batch"/> to <paramref name="device"/>.</summary>
    public static TorchSplitBatch From(SplitBatch batch, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(
            TorchState.ToTorch(batch.Source, device),
            TorchState.ToTorch(batch.Target, device),
            TorchState.ToTorch(batch.Label, device)
        );
    }

    /// <summary>The batch with the model's float inputs (source and target clips) as <paramref name="type"/>, for mixed
    /// precision; the label stays float32 for the loss.</summary>
    public TorchSplitBatch ToWorkingType(torch.ScalarType type) =>
        this with
        {
            Source = Source.to(type),
            Target = Target.to(type),
        };

    /// <inheritdoc />
    public void Dispose()
    {
        Source.Dispose();
        Target.Dispose();
        Label.Dispose();
    }
}
