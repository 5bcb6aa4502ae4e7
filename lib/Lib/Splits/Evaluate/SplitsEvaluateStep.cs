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
    /// <summary>Evaluates every model on its own test track.</summary>
    /// <exception cref="ArgumentException">A model was trained or validated on its test track, or its test track has
    /// fewer than two videos.</exception>
    public static SplitsEvaluation Run(
        IReadOnlyList<SplitModel> models,
        IReadOnlyList<SplitVideo> videos,
        FindOptions? options = null,
        IProgressReporter? progress = null
    )
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(videos);
        var points = new List<PointPrediction>();
        int total = models.Sum(m => videos.Count(v => v.TrackId == m.Inputs.TestTrack));
        using var task = progress?.Start("finding splits on held-out tracks", total);
        foreach (var model in models)
        {
            string track = model.Inputs.TestTrack;
            if (model.Inputs.TrainTracks.Contains(track) || model.Inputs.ValidationTrack == track)
                throw new ArgumentException($"The model held out for {track} was trained or validated on it.");
            var riders = videos.Where(v => v.TrackId == track).OrderBy(v => v.RiderId, StringComparer.Ordinal).ToList();
            if (riders.Count < 2)
                throw new ArgumentException($"Track {track} has {riders.Count} videos; evaluation needs two or more.");
            foreach (var target in riders)
            {
                var scan = ClipVectors.Scan(model, target.Features, options?.Stride ?? 1);
                foreach (var source in riders.Where(s => s.RiderId != target.RiderId))
                    points.AddRange(Pair(model, source, target, scan, options));
                task?.Advance();
            }
        }
        return SplitsEvaluation.Of(points);
    }

    /// <summary>The points of one ordered pair.</summary>
    public static IEnumerable<PointPrediction> Pair(
        SplitModel model,
        SplitVideo source,
        SplitVideo target,
        ClipVectors targetScan,
        FindOptions? options = null
    )
    {
        var found = SplitFinder.Find(model, source.Features, source.Run.Frames, targetScan, options).Splits;
        double fps = target.Features.Fps;
        var truth = target.Run.Frames;
        var baseline = ProportionalBaseline.Predict(source.Run.Frames, found[0].Frame, found[^1].Frame);
        var baselineTrue = ProportionalBaseline.Predict(source.Run.Frames, truth[0], truth[^1]);
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
