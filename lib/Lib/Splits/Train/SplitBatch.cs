using Lib.Splits.Dataset;
using Lib.Tensors;

namespace Lib.Splits.Train;

/// <summary>A batch of clip pairs: source clips <c>[B, F, D]</c>, target clips <c>[B, F, D]</c>, labels
/// <c>[B]</c> (classifier: 0/1; regressor: the offset in the model's unit).</summary>
public sealed record SplitBatch(Tensor Source, Tensor Target, Tensor Label)
{
    /// <summary>Cuts the clips of <paramref name="pairs"/> out of <paramref name="videos"/> (by track and
    /// rider), scaled, with labels divided by <paramref name="labelUnit"/>.</summary>
    public static SplitBatch Collate(
        IReadOnlyList<ClipPair> pairs,
        IReadOnlyDictionary<(string Track, string Rider), FeatureSequence> videos,
        int clipLength,
        FeatureScale scale,
        double labelUnit = 1
    )
    {
        var source = ClipWindows.Build(
            [.. pairs.Select(p => (videos[(p.TrackId, p.SourceRider)], p.SourceFrame))],
            clipLength,
            scale
        );
        var target = ClipWindows.Build(
            [.. pairs.Select(p => (videos[(p.TrackId, p.TargetRider)], p.TargetFrame))],
            clipLength,
            scale
        );
        var labels = Tensor.Wrap([.. pairs.Select(p => (float)(p.Label / labelUnit))], pairs.Count);
        return new SplitBatch(source, target, labels);
    }
}
