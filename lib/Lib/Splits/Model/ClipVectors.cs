using Lib.Splits.Dataset;
using Lib.Tensors;

namespace Lib.Splits.Model;

/// <summary>A video's clip vectors at the frames scanned (the clip ending at each), computed once per model and
/// video and reused against every source.</summary>
public sealed record ClipVectors(FeatureSequence Video, IReadOnlyList<int> Ends, Tensor Vectors)
{
    /// <summary>Encodes the clips ending at every <paramref name="stride"/>-th frame of <paramref name="video"/>
    /// (and at its last frame). <paramref name="video"/> is the cached features; the model's frame position inputs,
    /// if it reads any, are appended here (<see cref="SplitInputs.Prepare"/>), and <see cref="Video"/> holds them.
    /// </summary>
    public static ClipVectors Scan(SplitModel model, FeatureSequence video, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(video);
        video = model.Inputs.Prepare(video);
        if (stride < 1)
            throw new ArgumentOutOfRangeException(nameof(stride), $"The stride must be ≥ 1; got {stride}.");
        var ends = new List<int>();
        for (int f = 0; f < video.FrameCount; f += stride)
            ends.Add(f);
        if (ends[^1] != video.FrameCount - 1)
            ends.Add(video.FrameCount - 1);
        return new ClipVectors(video, ends, model.EncodeClips(video, ends));
    }
}
