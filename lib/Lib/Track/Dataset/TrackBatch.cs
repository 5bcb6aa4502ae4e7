using Lib.Tensors;
using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// A batch of N windows for the hierarchical model. The S real input seasons of the batch are stacked for the season
/// LSTM; <see cref="SeasonSlots"/> places them back into N × K slots, left-aligned (oldest first), padding slots
/// pointing
/// at row S (a zero row the model appends).
/// </summary>
/// <param name="Marks">[S, T, F] the seasons' mark features, zero past each season's length (T = the longest season in
/// the batch).</param>
/// <param name="MarkLengths">[S] marks per season (at least 1).</param>
/// <param name="SeasonSlots">[N·K] the row of <paramref name="Marks"/> in each slot, or S for padding.</param>
/// <param name="SeasonCounts">[N] real seasons per window (at least 1).</param>
/// <param name="SeasonLabels">[N·K] each slot's season label id (0 for padding).</param>
/// <param name="TargetLabels">[N] the label id forecast.</param>
/// <param name="Events">[N] the event (head) index.</param>
/// <param name="Summary">[N, 2] the summary features.</param>
/// <param name="Base">[N] the residual base in z-space.</param>
/// <param name="Target">[N] the target in z-space (NaN when unknown).</param>
/// <param name="Weight">[N] σ / actual peak × 100: turns an error in z-space into percent of the mark (NaN when
/// unknown).</param>
/// <param name="Samples">The samples, in batch order.</param>
public sealed record TrackBatch(
    Tensor Marks,
    IndexTensor MarkLengths,
    IndexTensor SeasonSlots,
    IndexTensor SeasonCounts,
    IndexTensor SeasonLabels,
    IndexTensor TargetLabels,
    IndexTensor Events,
    Tensor Summary,
    Tensor Base,
    Tensor Target,
    Tensor Weight,
    IReadOnlyList<WindowSample> Samples
)
{
    /// <summary>N, the windows in the batch.</summary>
    public int Size => Samples.Count;

    /// <summary>Collates <paramref name="samples"/> into a batch of K = <paramref name="seasons"/> slots per
    /// window.</summary>
    public static TrackBatch Collate(IReadOnlyList<WindowSample> samples, int seasons)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("A batch needs at least one window.", nameof(samples));
        const int f = WindowEncoder.Features;
        int n = samples.Count,
            s = 0,
            t = 1;
        foreach (var sample in samples)
        {
            if (sample.Seasons.Count > seasons)
                throw new ArgumentException(
                    $"A window has {sample.Seasons.Count} seasons but the model reads at most {seasons}.",
                    nameof(samples)
                );
            s += sample.Seasons.Count;
            foreach (var season in sample.Seasons)
                t = Math.Max(t, season.Length / f);
        }
        var marks = new float[s * t * f];
        var lengths = new int[s];
        var slots = new int[n * seasons];
        var counts = new int[n];
        var labels = new int[n * seasons];
        var targetLabels = new int[n];
        var events = new int[n];
        var summary = new float[n * WindowEncoder.SummaryFeatures];
        var bases = new float[n];
        var targets = new float[n];
        var weights = new float[n];
        var row = 0;
        for (var i = 0; i < n; i++)
        {
            var sample = samples[i];
            counts[i] = sample.Seasons.Count;
            for (var k = 0; k < seasons; k++)
            {
                if (k < sample.Seasons.Count)
                {
                    var season = sample.Seasons[k];
                    season.CopyTo(marks, row * t * f);
                    lengths[row] = season.Length / f;
                    slots[i * seasons + k] = row++;
                    labels[i * seasons + k] = sample.Labels[k];
                }
                else
                    slots[i * seasons + k] = s;
            }
            targetLabels[i] = sample.TargetLabel;
            events[i] = sample.Event;
            sample.Summary.CopyTo(summary, i * WindowEncoder.SummaryFeatures);
            bases[i] = sample.Base;
            targets[i] = sample.Target;
            weights[i] = sample.Weight;
        }
        return new TrackBatch(
            Tensor.Wrap(marks, s, t, f),
            IndexTensor.Wrap(lengths, s),
            IndexTensor.Wrap(slots, n * seasons),
            IndexTensor.Wrap(counts, n),
            IndexTensor.Wrap(labels, n * seasons),
            IndexTensor.Wrap(targetLabels, n),
            IndexTensor.Wrap(events, n),
            Tensor.Wrap(summary, n, WindowEncoder.SummaryFeatures),
            Tensor.Wrap(bases, n),
            Tensor.Wrap(targets, n),
            Tensor.Wrap(weights, n),
            samples
        );
    }
}
