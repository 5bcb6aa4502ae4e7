using Lib.Splits.Dataset;

namespace Lib.Splits.Model;

/// <summary>
/// Finds a source run's annotated points in a target video by aligning the two whole videos. Dynamic time warping
/// (<see cref="MonotoneAlignment"/>: every point chosen jointly with every other, in increasing order) runs on the
/// cosine distance of every source frame to every target frame (<see cref="FindOptions.AlignOn"/> frames; the
/// embeddings are <see cref="FindOptions.PlaceOn"/>: the scaled features the model reads, or its per-frame
/// compression) or on −log σ of the model's logit for the clips ending at the two frames
/// (<see cref="SplitModel.PairwiseLogits"/>). Each target frame is then placed between source frames near the path
/// (<see cref="PlaceTrack"/>), and each source point's target frame is read off a line fitted to the target frames
/// placed around it (<see cref="PointFit"/>), to a fraction of a frame. The start and finish are found the same way
/// as the splits. A point's confidence is the softmax share, over the target's frames, of the model's logits for the
/// source point's clip within the confidence window of the frame found. Nothing of the target's annotation is read.
/// </summary>
public static class SplitAligner
{
    /// <summary>Finds <paramref name="sourcePoints"/> (source frames, fractions allowed, increasing) in the
    /// target.</summary>
    /// <exception cref="ArgumentException">The model is a regressor, a scan skips frames, or a point is outside the
    /// source video.</exception>
    public static SplitSearch Find(
        SplitModel model,
        ClipVectors source,
        IReadOnlyList<double> sourcePoints,
        ClipVectors target,
        FindOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourcePoints);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new FindOptions();
        if (model.Inputs.Task != SampleTask.Classifier)
            throw new ArgumentException("Finding splits aligns with a classifier; this model is a regressor.");
        int n = source.Video.FrameCount,
            m = target.Video.FrameCount;
        if (source.Ends.Count != n || target.Ends.Count != m)
            throw new ArgumentException("Alignment needs the clip ending at every frame of both videos (stride 1).");
        for (int k = 0; k < sourcePoints.Count; k++)
            if (
                !(sourcePoints[k] >= -0.5 && sourcePoints[k] <= n - 0.5)
                || k > 0 && sourcePoints[k] <= sourcePoints[k - 1]
            )
                throw new ArgumentException(
                    $"Source point {k} at frame {sourcePoints[k]} is outside its video's {n} frames or not after the "
                        + "previous point."
                );
        sourcePoints = [.. sourcePoints.Select(p => Math.Clamp(p, 0, n - 1))];
        var logits = model.PairwiseLogits(source.Vectors, target.Vectors); // [n × m]
        var (sourceFrames, targetFrames, dim) = Embeddings(model, source.Video, target.Video, options.PlaceOn);
        var cost = new float[logits.Length];
        if (options.AlignOn == AlignCost.Clips)
            for (int i = 0; i < cost.Length; i++)
                cost[i] = (float)Softplus(-logits[i]);
        else
            for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                cost[i * m + j] =
                    1
                    - System.Numerics.Tensors.TensorPrimitives.Dot(
                        sourceFrames.AsSpan(i * dim, dim),
                        targetFrames.AsSpan(j * dim, dim)
                    );
        var path = MonotoneAlignment.Align(cost, n, m);
        var targetOfSource = MonotoneAlignment.TargetOfSource(path, n);
        var positions = PlaceTrack.Positions(
            sourceFrames,
            targetFrames,
            dim,
            MonotoneAlignment.SourceOfTarget(path, m),
            options.PlaceRadius
        );
        double fps = target.Video.Fps;
        double Along(double p) => Interpolate(targetOfSource, p);
        double sourceFps = source.Video.Fps;
        var frames = PointFit.Locate(
            positions,
            sourcePoints,
            options.FitWindowSeconds * sourceFps,
            Along,
            options.EndGapSeconds * sourceFps,
            options.EndWindowSeconds * sourceFps,
            options.EndCut
        );
        for (int k = 0; k < frames.Length; k++)
        {
            frames[k] = Math.Clamp(frames[k], 0, m - 1);
            if (k > 0 && frames[k] <= frames[k - 1]) // a line that crossed its neighbour's: the path keeps the order
                frames[k] = Math.Max(Along(sourcePoints[k]), frames[k - 1] + 1e-3);
        }
        int window = (int)Math.Round(options.ConfidenceWindowSeconds * fps);
        var ends = Enumerable.Range(0, m).ToList();
        var rows = new List<float[]>();
        var found = new List<FoundSplit>();
        for (int k = 0; k < frames.Length; k++)
        {
            int i = (int)Math.Round(sourcePoints[k]);
            var row = logits.AsSpan(i * m, m).ToArray();
            rows.Add(row);
            int frame = (int)Math.Round(frames[k]);
            found.Add(new FoundSplit(k, frame, frames[k] / fps, SplitFinder.Confidence(row, ends, frame, window)));
        }
        return new SplitSearch(found, ends, rows);
    }

    static (float[] Source, float[] Target, int Dim) Embeddings(
        SplitModel model,
        FeatureSequence source,
        FeatureSequence target,
        FrameSpace space
    )
    {
        if (space == FrameSpace.Compressed)
        {
            var s = model.EmbedFrames(source);
            var t = model.EmbedFrames(target);
            int dim = s.Length / source.FrameCount;
            return (PlaceTrack.Normalise(s, dim), PlaceTrack.Normalise(t, dim), dim);
        }
        float[] Scaled(FeatureSequence v)
        {
            var values = (float[])v.Values.Clone();
            for (int i = 0; i < v.FrameCount; i++)
                model.Inputs.Scale.Apply(values.AsSpan(i * v.Dim, v.Dim));
            return PlaceTrack.Normalise(values, v.Dim);
        }
        return (Scaled(source), Scaled(target), source.Dim);
    }

    static double Interpolate(double[] values, double at)
    {
        int lo = Math.Clamp((int)Math.Floor(at), 0, values.Length - 1),
            hi = Math.Min(lo + 1, values.Length - 1);
        return values[lo] + (at - lo) * (values[hi] - values[lo]);
    }

    static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));
}
