namespace Lib.Splits.Ingest;

/// <summary>
/// One synthetic rider's run on a track: the rider id (from the real rider whose sector times it uses), that real run,
/// the track's time factor, and the drawn plan (timing F0..F5, path, camera, occlusions, brightness, noise).
/// </summary>
public sealed record SynthRun(string TrackId, string RiderId, SectorRun Source, double Factor, RiderPlan Plan)
{
    /// <summary>The video's path under a folder: <c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>.</summary>
    public string VideoPath(string folder) => Path.Combine(folder, TrackId, RiderId + ".mp4");

    /// <summary>The truth: F0 (start) … F5 (finish), frames at 24 fps.</summary>
    public IReadOnlyList<int> PointFrames => Plan.Timing.PointFrames;
}
