using Lib.Display;
using Lib.Splits.Dataset;
using Lib.Splits.Model;

namespace Lib.Splits.Evaluate;

/// <summary>
/// The evaluation step: each fold's model finds the points of every ordered pair of riders on its held-out track
/// (the source's annotation and the two videos only; the model finds the start and finish itself), next to the
/// proportional baseline scaled to the model's start and finish and to the target's true start and finish.
/// </summary>
public static class SplitsEvaluateStep
{
    /// <summary>Evaluates every model on its own test track, or, with <paramref name="onValidation"/>, on the track
    /// that validated it (where a search's settings are chosen without looking at the test track).</summary>
    /// <exception cref="ArgumentException">A model was trained or validated on its test track, or its test track has
    /// fewer than two videos.</exception>
    public static SplitsEvaluation Run(
        IReadOnlyList<SplitModel> models,
        IReadOnlyList<SplitVideo> videos,
        FindOptions? options = null,
        IProgressReporter? progress = null,
        bool onValidation = false,
        PointRefiner? refiner = null
    )
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(videos);
        var points = new List<PointPrediction>();
        if ((options ?? new FindOptions()).Refine == PointRefine.Register)
            refiner ??= new PointRefiner(options);
        string Track(SplitModel m) => onValidation ? m.Inputs.ValidationTrack : m.Inputs.TestTrack;
        int total = models.Sum(m => videos.Count(v => v.TrackId == Track(m)));
        using var task = progress?.Start("finding splits on held-out tracks", total);
        foreach (var model in models)
        {
            string track = Track(model);
            if (model.Inputs.TrainTracks.Contains(track) || !onValidation && model.Inputs.ValidationTrack == track)
                throw new ArgumentException($"The model held out for {track} was trained or validated on it.");
            var riders = videos.Where(v => v.TrackId == track).OrderBy(v => v.RiderId, StringComparer.Ordinal).ToList();
            if (riders.Count < 2)
                throw new ArgumentException($"Track {track} has {riders.Count} videos; evaluation needs two or more.");
            int stride = (options ?? new FindOptions()).ScanStride;
            var scans = riders.ToDictionary(r => r.RiderId, r => ClipVectors.Scan(model, r.Features, stride));
            foreach (var target in riders)
            {
                foreach (var source in riders.Where(s => s.RiderId != target.RiderId))
                    points.AddRange(
                        Pair(model, source, target, scans[source.RiderId], scans[target.RiderId], options, refiner)
                    );
                task?.Advance();
            }
        }
        return SplitsEvaluation.Of(points);
    }

    /// <summary>The points of one ordered pair (the source and target scanned at the options' stride), refined by
    /// <paramref name="refiner"/> when the options ask for it, scored against the target's annotated times without
    /// rounding.</summary>
    /// <exception cref="ArgumentException">The options ask for refinement and a video's path is unknown.</exception>
    public static IEnumerable<PointPrediction> Pair(
        SplitModel model,
        SplitVideo source,
        SplitVideo target,
        ClipVectors sourceScan,
        ClipVectors targetScan,
        FindOptions? options = null,
        PointRefiner? refiner = null
    )
    {
        var sourcePoints = source.Run.Positions;
        var search = SplitFinder.Search(model, sourceScan, sourcePoints, targetScan, options);
        double fps = target.Features.Fps;
        if ((options ?? new FindOptions()).Refine == PointRefine.Register)
        {
            if (source.VideoPath is null || target.VideoPath is null)
                throw new ArgumentException(
                    $"{target.TrackId}: refining by registration needs the videos' paths "
                        + $"({source.RiderId}, {target.RiderId})."
                );
            refiner ??= new PointRefiner(options);
            var sourceSeconds = sourcePoints.Select(p => p / source.Features.Fps).ToList();
            search = refiner.Refine(source.VideoPath, sourceSeconds, target.VideoPath, search, fps);
        }
        var found = search.Splits;
        var truth = target.Run.Positions;
        var baseline = ProportionalBaseline.Predict(sourcePoints, found[0].Seconds * fps, found[^1].Seconds * fps);
        var baselineTrue = ProportionalBaseline.Predict(sourcePoints, truth[0], truth[^1]);
        for (int k = 0; k < found.Count; k++)
            yield return new PointPrediction(
                target.TrackId,
                source.RiderId,
                target.RiderId,
                k,
                truth[k] / fps,
                found[k].Seconds,
                found[k].Confidence,
                baseline[k] / fps,
                baselineTrue[k] / fps
            );
    }
}
