using Lib.Splits.Dataset;

namespace Lib.Splits.Model;

/// <summary>
/// Finds a source run's annotated points in a target video with a split classifier: the clip ending at each source
/// point is compared with the clip ending at every scanned frame of the target (one logit each), the points are chosen
/// jointly so that they increase (<see cref="OrderedChoice"/> on the log-sigmoid of the logits), refined frame by
/// frame within the scan's stride, and each gets a confidence. Nothing of the target's annotation is read.
/// </summary>
public static class SplitFinder
{
    /// <summary>Finds <paramref name="sourcePoints"/> (frames of the source, fractions allowed) in the target with
    /// the search <paramref name="options"/> names: <see cref="SplitAligner"/> (the default) or the candidates' scan
    /// and ordered choice (the points rounded to frames). Both scans are at <see cref="FindOptions.ScanStride"/>.
    /// </summary>
    public static SplitSearch Search(
        SplitModel model,
        ClipVectors source,
        IReadOnlyList<double> sourcePoints,
        ClipVectors target,
        FindOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourcePoints);
        options ??= new FindOptions();
        return options.Search == SplitSearchKind.Align
            ? SplitAligner.Find(model, source, sourcePoints, target, options)
            : Find(model, source.Video, [.. sourcePoints.Select(p => (int)Math.Round(p))], target, options);
    }

    /// <summary>Finds <paramref name="sourcePoints"/> (frames of <paramref name="source"/>) in the scanned
    /// target.</summary>
    /// <exception cref="ArgumentException">The model is a regressor, or a source point is outside its
    /// video.</exception>
    public static SplitSearch Find(
        SplitModel model,
        FeatureSequence source,
        IReadOnlyList<int> sourcePoints,
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
            throw new ArgumentException("Finding splits scans with a classifier; this model is a regressor.");
        foreach (int p in sourcePoints)
            if (p < 0 || p >= source.FrameCount)
                throw new ArgumentException($"Source point at frame {p} is outside its video's {source.FrameCount}.");
        var sourceVectors = model.EncodeClips(source, sourcePoints); // [K, E]
        var logits = new List<float[]>();
        for (int k = 0; k < sourcePoints.Count; k++)
            logits.Add(model.Score(sourceVectors.Select(0, k), target.Vectors));
        var logSigmoid = logits.Select(row => row.Select(x => (float)LogSigmoid(x)).ToArray()).ToList();
        double fps = target.Video.Fps;
        int minGap = Math.Max(1, (int)Math.Round(options.MinGapSeconds * fps));
        var chosen = OrderedChoice.Choose(logSigmoid, target.Ends, minGap);
        var frames = chosen.Select(j => target.Ends[j]).ToArray();
        int stride = target.Ends.Count > 1 ? target.Ends[1] - target.Ends[0] : 1;
        if (stride > 1)
            frames = Refine(model, sourceVectors, target, frames, stride, minGap);
        int window = (int)Math.Round(options.ConfidenceWindowSeconds * fps);
        var found = new List<FoundSplit>();
        for (int k = 0; k < frames.Length; k++)
            found.Add(
                new FoundSplit(k, frames[k], frames[k] / fps, Confidence(logits[k], target.Ends, frames[k], window))
            );
        return new SplitSearch(found, target.Ends, logits);
    }

    static int[] Refine(
        SplitModel model,
        Lib.Tensors.Tensor sources,
        ClipVectors target,
        int[] frames,
        int stride,
        int gap
    )
    {
        var refined = (int[])frames.Clone();
        for (int k = 0; k < frames.Length; k++)
        {
            int lo = Math.Max(k == 0 ? 0 : refined[k - 1] + gap, frames[k] - stride + 1);
            int hi = Math.Min(target.Video.FrameCount - 1, frames[k] + stride - 1);
            if (k + 1 < frames.Length)
                hi = Math.Min(hi, frames[k + 1] - gap + stride - 1);
            if (hi <= lo)
                continue;
            var ends = Enumerable.Range(lo, hi - lo + 1).ToList();
            var scores = model.Score(sources.Select(0, k), model.EncodeClips(target.Video, ends));
            int best = 0;
            for (int j = 1; j < scores.Length; j++)
                if (scores[j] > scores[best])
                    best = j;
            refined[k] = ends[best];
        }
        return refined;
    }

    /// <summary>The softmax share of <paramref name="logits"/> (over the scanned frames) within
    /// <paramref name="window"/> frames of <paramref name="frame"/>.</summary>
    public static double Confidence(float[] logits, IReadOnlyList<int> ends, int frame, int window)
    {
        double max = logits.Max();
        double all = 0,
            near = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            double w = Math.Exp(logits[j] - max);
            all += w;
            if (Math.Abs(ends[j] - frame) <= window)
                near += w;
        }
        return all > 0 ? near / all : 0;
    }

    static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));
}
