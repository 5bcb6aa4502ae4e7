using Lib.Track.Dataset;
using TorchSharp;

namespace Lib.Torch.Track;

/// <summary>
/// A <see cref="TrackBatch"/> as TorchSharp tensors on a device (the lengths stay on the CPU, as
/// <c>pack_padded_sequence</c> wants them). Create it inside a dispose scope, or dispose it.
/// </summary>
public sealed record TorchTrackBatch(
    torch.Tensor Marks,
    torch.Tensor MarkLengths,
    torch.Tensor SeasonSlots,
    torch.Tensor SeasonCounts,
    torch.Tensor SeasonLabels,
    torch.Tensor TargetLabels,
    torch.Tensor Events,
    torch.Tensor Summary,
    torch.Tensor Base,
    torch.Tensor Target,
    torch.Tensor Weight
) : IDisposable
{
    /// <summary>The windows in the batch.</summary>
    public int Size => (int)Events.shape[0];

    /// <summary>Copies <paramref name="batch"/> to <paramref name="device"/>.</summary>
    public static TorchTrackBatch From(TrackBatch batch, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(
            TorchState.ToTorch(batch.Marks, device),
            TorchState.ToTorch(batch.MarkLengths),
            TorchState.ToTorch(batch.SeasonSlots, device),
            TorchState.ToTorch(batch.SeasonCounts),
            TorchState.ToTorch(batch.SeasonLabels, device),
            TorchState.ToTorch(batch.TargetLabels, device),
            TorchState.ToTorch(batch.Events, device),
            TorchState.ToTorch(batch.Summary, device),
            TorchState.ToTorch(batch.Base, device),
            TorchState.ToTorch(batch.Target, device),
            TorchState.ToTorch(batch.Weight, device)
        );
    }

    /// <summary>The batch with the model's float inputs (marks, summary) as <paramref name="type"/>, for mixed
    /// precision; base, target and weight stay float32.</summary>
    public TorchTrackBatch ToWorkingType(torch.ScalarType type) =>
        this with
        {
            Marks = Marks.to(type),
            Summary = Summary.to(type),
        };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in new[] { Marks, MarkLengths, SeasonSlots, SeasonCounts, SeasonLabels, TargetLabels })
            t.Dispose();
        foreach (var t in new[] { Events, Summary, Base, Target, Weight })
            t.Dispose();
    }
}
