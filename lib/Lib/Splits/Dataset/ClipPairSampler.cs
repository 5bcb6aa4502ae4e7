using MathNet.Numerics.Distributions;

namespace Lib.Splits.Dataset;

/// <summary>
/// Draws the clip pairs of one ordered pair of runs of the same track, after the original's
/// <c>generate_training_samples.py</c> (classifier) and <c>generate_training_samples_regression.py</c> (regressor):
/// a positive where both clips end at the same annotated point; augmented positives at Beta(α, β)-distributed
/// positions within each segment, matched to the target by the same fraction of the segment; negatives per positive
/// at uniform frames of the target elsewhere; and, for the regressor, non-overlapping pairs labelled with their
/// offset. Departures are options of <see cref="SampleOptions"/> (<see cref="SampleOptions.NegativeMinGap"/>,
/// <see cref="SampleOptions.FromVideoStart"/>) and the regressor's label, the offset to the <em>matching</em> frame
/// rather than between the two videos' frame numbers (which only agree for riders of equal speed).
/// </summary>
public static class ClipPairSampler
{
    const int MaxAttempts = 50;

    /// <summary>The classifier's pairs (labels 1 and 0); <paramref name="augmented"/> false leaves out the augmented
    /// positives (validation and test sets, as the original).</summary>
    public static List<ClipPair> Classifier(
        RunSplits source,
        RunSplits target,
        SampleOptions options,
        Random random,
        bool augmented = true
    )
    {
        Check(source, target, options, random);
        var samples = new List<ClipPair>();
        int sourceMin = MinFrame(source, options),
            targetMin = MinFrame(target, options);
        for (int k = options.IgnoreFirstSplit ? 1 : 0; k < source.Frames.Count; k++)
        {
            samples.Add(Pair(source, target, source.Frames[k], target.Frames[k], 1, SampleKind.Split));
            AddNegatives(samples, source, target, source.Frames[k], target.Frames[k], targetMin, options, random);
        }
        if (!augmented)
            return samples;
        foreach (var (s, t) in AugmentedPositions(source, target, sourceMin, options, random))
        {
            samples.Add(Pair(source, target, s, t, 1, SampleKind.Augmented));
            AddNegatives(samples, source, target, s, t, targetMin, options, random);
        }
        return samples;
    }

    /// <summary>The regressor's pairs: the positives of <see cref="Classifier"/> with offset 0, then
    /// <see cref="SampleOptions.NonOverlappingSamples"/> pairs whose target clip ends at least a clip length from
    /// the matching frame, labelled with that offset in frames.</summary>
    public static List<ClipPair> Regressor(
        RunSplits source,
        RunSplits target,
        SampleOptions options,
        Random random,
        bool augmented = true
    )
    {
        Check(source, target, options, random);
        var samples = new List<ClipPair>();
        int sourceMin = MinFrame(source, options),
            targetMin = MinFrame(target, options);
        for (int k = options.IgnoreFirstSplit ? 1 : 0; k < source.Frames.Count; k++)
            samples.Add(Pair(source, target, source.Frames[k], target.Frames[k], 0, SampleKind.Split));
        if (augmented)
            foreach (var (s, t) in AugmentedPositions(source, target, sourceMin, options, random))
                samples.Add(Pair(source, target, s, t, 0, SampleKind.Augmented));
        for (int n = 0, attempts = 0; n < options.NonOverlappingSamples && attempts < 100 * MaxAttempts; attempts++)
        {
            int s = random.Next(sourceMin, source.FrameCount);
            int t = random.Next(targetMin, target.FrameCount);
            double offset = Math.Round(target.MatchingFrame(source, s)) - t;
            if (Math.Abs(offset) < options.ClipLength)
                continue;
            samples.Add(Pair(source, target, s, t, offset, SampleKind.NonOverlapping));
            n++;
        }
        return samples;
    }

    static void Check(RunSplits source, RunSplits target, SampleOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        if (source.TrackId != target.TrackId)
            throw new ArgumentException(
                $"Clip pairs come from one track; got {source.TrackId}/{source.RiderId} and "
                    + $"{target.TrackId}/{target.RiderId}."
            );
        if (source.Frames.Count != target.Frames.Count)
            throw new ArgumentException(
                $"{source.TrackId}: {source.RiderId} has {source.Frames.Count} points and {target.RiderId} "
                    + $"{target.Frames.Count}; they must agree."
            );
    }

    static int MinFrame(RunSplits run, SampleOptions options) =>
        options.FromVideoStart ? 0 : Math.Min(run.Frames[0] + options.ClipLength - 1, run.FrameCount - 1);

    static ClipPair Pair(RunSplits source, RunSplits target, int s, int t, double label, SampleKind kind) =>
        new(source.TrackId, source.RiderId, target.RiderId, s, t, label, kind);

    static IEnumerable<(int Source, int Target)> AugmentedPositions(
        RunSplits source,
        RunSplits target,
        int sourceMin,
        SampleOptions options,
        Random random
    )
    {
        for (int seg = 0; seg + 1 < source.Frames.Count; seg++)
        {
            int start = Math.Max(source.Frames[seg], sourceMin),
                end = source.Frames[seg + 1];
            if (start > end)
                continue;
            int n = Math.Min(options.AugmentedPerSegment, end - start + 1);
            double a = seg == 0 ? options.AlphaSplit0 : options.Alpha,
                b = seg == 0 ? options.BetaSplit0 : options.Beta;
            for (int i = 0; i < n; i++)
            {
                double p = Beta.Sample(random, a, b);
                int s = Math.Clamp((int)(start + p * (end - start)), start, end);
                int t = (int)Math.Round(target.MatchingFrame(source, s));
                yield return (s, Math.Clamp(t, 0, target.FrameCount - 1));
            }
        }
    }

    static void AddNegatives(
        List<ClipPair> samples,
        RunSplits source,
        RunSplits target,
        int s,
        int matching,
        int targetMin,
        SampleOptions options,
        Random random
    )
    {
        int gap = Math.Max(1, options.NegativeMinGap);
        for (int n = 0, attempts = 0; n < options.NegativesPerPositive && attempts < MaxAttempts; attempts++)
        {
            int t =
                random.NextDouble() < options.NearNegatives
                    ? matching + random.Next(-options.NearNegativeWindow, options.NearNegativeWindow + 1)
                    : random.Next(targetMin, target.FrameCount);
            if (Math.Abs(t - matching) < gap || t < targetMin || t >= target.FrameCount)
                continue;
            samples.Add(Pair(source, target, s, t, 0, SampleKind.Negative));
            n++;
        }
    }
}
