namespace Lib.Splits.Domain;

/// <summary>
/// One rider's annotated video of a track: the rider and track ids, the video's address, and the timecodes of its
/// points in increasing order (start, splits, finish; see <see cref="SplitPoints"/>).
/// </summary>
public sealed record AnnotatedRun(string TrackId, string RiderId, string Url, IReadOnlyList<Timecode> Timecodes)
{
    /// <summary>
    /// The sector durations in seconds between consecutive points (start→split 1, …, split n→finish).
    /// </summary>
    public IReadOnlyList<double> SectorSeconds =>
        [.. Timecodes.Zip(Timecodes.Skip(1), (a, b) => b.TotalSeconds - a.TotalSeconds)];

    /// <summary>The frame index of every point in a video of <paramref name="framesPerSecond"/>.</summary>
    public IReadOnlyList<int> FrameIndices(double framesPerSecond) =>
        [.. Timecodes.Select(t => t.ToFrameIndex(framesPerSecond))];

    /// <summary>The video's path under a folder of videos: <c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>.</summary>
    public string VideoPath(string videosFolder) => Path.Combine(videosFolder, TrackId, RiderId + ".mp4");

    /// <inheritdoc />
    public bool Equals(AnnotatedRun? other) =>
        other is not null
        && TrackId == other.TrackId
        && RiderId == other.RiderId
        && Url == other.Url
        && Timecodes.SequenceEqual(other.Timecodes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TrackId, RiderId, Url, Timecodes.Count);
}
