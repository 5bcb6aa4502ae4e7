namespace Lib.Splits.Dataset;

/// <summary>
/// The samples step: the clip pairs of a fold from the annotated runs (every ordered pair of different riders of a
/// track, as the original's <c>itertools.permutations</c>), seeded, so the same runs and options give the same
/// pairs.
/// </summary>
public static class SplitsDatasetStep
{
    /// <summary>The pairs of <paramref name="fold"/>: training tracks with augmented positives, the validation and
    /// test tracks without.</summary>
    /// <exception cref="ArgumentException">Runs of a track disagree on their number of points, or a fold's track has
    /// no runs.</exception>
    public static SplitSamples Run(
        IReadOnlyList<RunSplits> runs,
        TrackFold fold,
        SampleOptions options,
        SampleTask task = SampleTask.Classifier
    )
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byTrack = runs.GroupBy(r => r.TrackId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RiderId, StringComparer.Ordinal).ToList());
        var random = new Random(options.Seed);
        List<ClipPair> Pairs(string track, bool augmented)
        {
            if (!byTrack.TryGetValue(track, out var riders))
                throw new ArgumentException($"No annotated runs of track '{track}'.");
            var pairs = new List<ClipPair>();
            foreach (var source in riders)
            foreach (var target in riders)
            {
                if (source.RiderId == target.RiderId)
                    continue;
                pairs.AddRange(
                    task == SampleTask.Classifier
                        ? ClipPairSampler.Classifier(source, target, options, random, augmented)
                        : ClipPairSampler.Regressor(source, target, options, random, augmented)
                );
            }
            return pairs;
        }
        var train = fold.TrainTracks.SelectMany(t => Pairs(t, augmented: true)).ToList();
        var validation = fold.ValidationTrack is { } v ? Pairs(v, augmented: false) : [];
        var test = Pairs(fold.TestTrack, augmented: false);
        return new SplitSamples(fold, options, train, validation, test);
    }
}
