using Lib.Tensors;

namespace Lib.Splits.Dataset;

/// <summary>
/// Cuts clips out of feature sequences: the clip of length F ending at frame e is frames e − F + 1 … e; frames before
/// the first repeat the first (the original needs e ≥ F − 1 and so never reads a clip that ends in the first
/// two seconds, the start among them).
/// </summary>
public static class ClipWindows
{
    /// <summary>The clips ending at each of <paramref name="ends"/> (a video and an end frame), scaled by
    /// <paramref name="scale"/> (null: as they are): <c>[B, F, D]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An end frame outside the video.</exception>
    public static Tensor Build(
        IReadOnlyList<(FeatureSequence Features, int End)> ends,
        int clipLength,
        FeatureScale? scale = null
    )
    {
        ArgumentNullException.ThrowIfNull(ends);
        if (ends.Count == 0)
            throw new ArgumentException("No clips to build.", nameof(ends));
        int dim = ends[0].Features.Dim;
        var values = new float[(long)ends.Count * clipLength * dim];
        for (int b = 0; b < ends.Count; b++)
        {
            var (features, end) = ends[b];
            if (features.Dim != dim)
                throw new ArgumentException($"Clip {b} has {features.Dim} features per frame; clip 0 has {dim}.");
            if (end < 0 || end >= features.FrameCount)
                throw new ArgumentOutOfRangeException(
                    nameof(ends),
                    $"Clip {b} ends at frame {end}, outside the video's {features.FrameCount} frames."
                );
            for (int i = 0; i < clipLength; i++)
            {
                int frame = Math.Max(0, end - clipLength + 1 + i);
                var dest = values.AsSpan((int)(((long)b * clipLength + i) * dim), dim);
                features.Frame(frame).CopyTo(dest);
                scale?.Apply(dest);
            }
        }
        return Tensor.Wrap(values, ends.Count, clipLength, dim); // [B, F, D]
    }
}
