using Lib.Paragliding.Dataset;
using static TorchSharp.torch;

namespace Lib.Torch.Paragliding;

/// <summary>
/// A <see cref="SiteDayBatch"/> as TorchSharp tensors on one device: site indices (int64) [B], site features [B, S],
/// date features [B, Dd], weather [B, 3·W] or null, labels [B, K]. Dispose it to free the tensors.
/// </summary>
public sealed record SiteDayTensors(Tensor Site, Tensor SiteFeatures, Tensor Date, Tensor? Weather, Tensor Labels)
    : IDisposable
{
    /// <summary>The batch size.</summary>
    public long Count => Site.shape[0];

    /// <summary>Copies <paramref name="batch"/> to <paramref name="device"/> (the CPU when null).</summary>
    public static SiteDayTensors From(SiteDayBatch batch, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor Move(Lib.Tensors.Tensor t)
        {
            var cpu = TorchState.ToTorch(t);
            if (device is null || device.type == TorchSharp.DeviceType.CPU)
                return cpu;
            using (cpu)
                return cpu.to(device);
        }
        return new SiteDayTensors(
            TorchIndex.ToTorch(batch.Site, device),
            Move(batch.SiteFeatures),
            Move(batch.Date),
            batch.Weather is null ? null : Move(batch.Weather),
            Move(batch.Labels)
        );
    }

    /// <summary>The batch with the model's float inputs (site features, date features, weather) as
    /// <paramref name="type"/>, for mixed precision; the site indices stay int64 and the labels float32.</summary>
    public SiteDayTensors ToWorkingType(ScalarType type) =>
        this with
        {
            SiteFeatures = SiteFeatures.to(type),
            Date = Date.to(type),
            Weather = Weather?.to(type),
        };

    /// <inheritdoc/>
    public void Dispose()
    {
        Site.Dispose();
        SiteFeatures.Dispose();
        Date.Dispose();
        Weather?.Dispose();
        Labels.Dispose();
    }
}
