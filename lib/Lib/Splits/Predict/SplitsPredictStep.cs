using Lib.Display;
using Lib.Splits.Dataset;
using Lib.Splits.Domain;
using Lib.Splits.Model;

namespace Lib.Splits.Predict;

/// <summary>
/// The find step (<c>lab splits find</c>): for each requested ordered pair, the source's annotated points are found
/// in the target's video by the track's model (alignment, or scan and ordered choice; confidence), with the
/// proportional baseline scaled to the start and finish found; <c>preds.csv</c> is written atomically. A target's
/// splits come from the source's annotation and the two videos only.
/// </summary>
public static class SplitsPredictStep
{
    /// <summary>Finds the points of every requested pair.</summary>
    /// <exception cref="ArgumentException">Neither a source and target nor all pairs, or an unknown track or
    /// rider.</exception>
    /// <exception cref="FileNotFoundException">A video is missing.</exception>
    public static FoundPairs Run(FindRequest request, IProgressReporter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refiner = request.Find.Refine == PointRefine.Register ? new PointRefiner(request.Find) : null;
        var pairs = Pairs(request);
        using var task = progress?.Start("finding splits", pairs.Count);
        var features = new Dictionary<string, FeatureSequence>(StringComparer.Ordinal);
        FeatureSequence Features(string track, string rider)
        {
            var path = Path.Combine(request.VideosFolder, track, rider + ".mp4");
            if (features.TryGetValue(path, out var f))
                return f;
            if (!File.Exists(path))
                throw new FileNotFoundException($"No video for {track}/{rider}: expected {path}.", path);
            return features[path] = request.Features(path);
        }
        var models = new Dictionary<string, SplitModel>(StringComparer.Ordinal);
        var scans = new Dictionary<(string, string), ClipVectors>();
        var results = new List<PairResult>();
        foreach (var (source, targetRider) in pairs)
        {
            string track = source.TrackId;
            if (!models.TryGetValue(track, out var model))
            {
                model = models[track] = SplitModels.For(request.ModelFolder, track);
                request.Prepare?.Invoke(model);
            }
            var sourceFeatures = Features(track, source.RiderId);
            var targetFeatures = Features(track, targetRider);
            ClipVectors Scan(string rider, FeatureSequence f) =>
                scans.TryGetValue((track, rider), out var scan)
                    ? scan
                    : scans[(track, rider)] = ClipVectors.Scan(model, f, request.Find.ScanStride);
            var targetScan = Scan(targetRider, targetFeatures);
            var sourceScan = Scan(source.RiderId, sourceFeatures);
            var annotated = SplitVideos.Annotated(source, sourceFeatures);
            var sourceFrames = annotated.Frames;
            var search = SplitFinder.Search(model, sourceScan, annotated.Positions, targetScan, request.Find);
            double fps = targetFeatures.Fps;
            if (refiner is not null)
                search = refiner.Refine(
                    Path.Combine(request.VideosFolder, track, source.RiderId + ".mp4"),
                    [.. annotated.Positions.Select(p => p / sourceFeatures.Fps)],
                    Path.Combine(request.VideosFolder, track, targetRider + ".mp4"),
                    search,
                    fps
                );
            var baseline = ProportionalBaseline
                .Predict(annotated.Positions, search.Splits[0].Seconds * fps, search.Splits[^1].Seconds * fps)
                .Select(f => f / fps)
                .ToList();
            results.Add(new PairResult(track, source.RiderId, targetRider, search, baseline, sourceFrames, fps));
            task?.Advance();
        }
        if (request.OutputCsv is not null)
            PredictionCsv.Write(request.OutputCsv, results);
        return new FoundPairs(results, request.OutputCsv) { Refinement = refiner?.Report };
    }

    static List<(AnnotatedRun Source, string Target)> Pairs(FindRequest request)
    {
        var config = request.Config;
        var tracks = request.TrackId is { } id ? [config.Track(id)] : config.Tracks;
        if (request.AllPairs)
        {
            if (request.SourceRider is not null || request.TargetRider is not null)
                throw new ArgumentException("Give either a source and a target rider or all pairs, not both.");
            return
            [
                .. tracks.SelectMany(t =>
                    t.Runs.SelectMany(s => t.Runs.Where(r => r.RiderId != s.RiderId).Select(r => (s, r.RiderId)))
                ),
            ];
        }
        if (request.SourceRider is null || request.TargetRider is null)
            throw new ArgumentException("Name a source and a target rider, or ask for all pairs.");
        if (request.SourceRider == request.TargetRider)
            throw new ArgumentException($"The source and the target are the same rider ({request.SourceRider}).");
        if (tracks.Count != 1)
            throw new ArgumentException("A source and a target need a track when the config holds several.");
        return [(tracks[0].Rider(request.SourceRider), request.TargetRider)];
    }
}
