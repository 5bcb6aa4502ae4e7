using Lib.Tensors;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// A collated batch: site rows <c>[B]</c>, site features <c>[B, S]</c>, date features <c>[B, D]</c>, weather
/// <c>[B, 3·W]</c> (null without weather) and labels <c>[B, K]</c>.
/// </summary>
public sealed record SiteDayBatch(IndexTensor Site, Tensor SiteFeatures, Tensor Date, Tensor? Weather, Tensor Labels)
{
    /// <summary>The batch size.</summary>
    public int Count => Site.Shape[0];

    /// <summary>Stacks <paramref name="samples"/> (all of one width).</summary>
    public static SiteDayBatch Collate(IReadOnlyList<SiteDay> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("A batch needs at least one sample.", nameof(samples));
        int b = samples.Count;
        Tensor Stack(Func<SiteDay, float[]> field)
        {
            int width = field(samples[0]).Length;
            var data = new float[b * width];
            for (int i = 0; i < b; i++)
            {
                var row = field(samples[i]);
                if (row.Length != width)
                    throw new ArgumentException($"Sample {samples[i].Key} has {row.Length} values, expected {width}.");
                row.CopyTo(data, i * width);
            }
            return Tensor.Wrap(data, b, width);
        }
        return new SiteDayBatch(
            IndexTensor.Wrap([.. samples.Select(s => s.SiteIndex)], b),
            Stack(s => s.Site),
            Stack(s => s.DateFeatures),
            samples[0].Weather.Length == 0 ? null : Stack(s => s.Weather),
            Stack(s => s.Labels)
        );
    }
}
