namespace Lib.Splits.Dataset;

/// <summary>
/// The original split timer's two optional per-frame inputs (<c>preprocess_videos_into_samples.py</c>'s
/// <c>--add_position_feature</c> and <c>--add_percent_completion_feature</c>, <c>utils.add_features_to_clip</c>):
/// each frame's vector gets its frame index and, after it, its index ÷ the video's frame count, appended as extra
/// features. Here the index is at the features' rate (the original's features were every frame of the video, so its
/// index was at the video's rate); the share through the video is the same either way.
/// </summary>
public static class FramePositions
{
    /// <summary><paramref name="video"/> with the frame index and/or the share through the video appended to every
    /// frame (the same sequence when neither is asked for).</summary>
    public static FeatureSequence Append(FeatureSequence video, bool position, bool percentCompletion)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (!position && !percentCompletion)
            return video;
        int extra = (position ? 1 : 0) + (percentCompletion ? 1 : 0),
            dim = video.Dim + extra;
        var values = new float[(long)video.FrameCount * dim];
        for (int i = 0; i < video.FrameCount; i++)
        {
            var row = values.AsSpan(i * dim, dim);
            video.Frame(i).CopyTo(row);
            int k = video.Dim;
            if (position)
                row[k++] = i;
            if (percentCompletion)
                row[k] = (float)i / video.FrameCount;
        }
        return new FeatureSequence(values, video.FrameCount, dim, video.Fps);
    }
}
