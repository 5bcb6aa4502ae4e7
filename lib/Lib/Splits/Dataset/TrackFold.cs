namespace Lib.Splits.Dataset;

/// <summary>
/// One fold of leave-one-track-out: the track held out for the test, the track whose pairs validate training (early
/// stopping, tuning; never the test track), and the tracks trained on.
/// </summary>
public sealed record TrackFold(string TestTrack, string? ValidationTrack, IReadOnlyList<string> TrainTracks)
{
    /// <summary>
    /// Every fold over <paramref name="trackIds"/> (sorted, ordinal): each track is the test track once, the next
    /// track in order (cyclically) validates when there are at least three, and the rest train.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two distinct tracks.</exception>
    public static IReadOnlyList<TrackFold> LeaveOneTrackOut(IEnumerable<string> trackIds)
    {
        ArgumentNullException.ThrowIfNull(trackIds);
        var tracks = trackIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (tracks.Count < 2)
            throw new ArgumentException(
                $"Leave-one-track-out needs at least two tracks; got {tracks.Count} ({string.Join(", ", tracks)})."
            );
        var folds = new List<TrackFold>();
        for (int i = 0; i < tracks.Count; i++)
        {
            string? validation = tracks.Count >= 3 ? tracks[(i + 1) % tracks.Count] : null;
            folds.Add(new TrackFold(tracks[i], validation, [.. tracks.Where(t => t != tracks[i] && t != validation)]));
        }
        return folds;
    }

    /// <summary>The fold that tests <paramref name="testTrack"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such track.</exception>
    public static TrackFold For(IEnumerable<string> trackIds, string testTrack)
    {
        var folds = LeaveOneTrackOut(trackIds);
        return folds.FirstOrDefault(f => f.TestTrack == testTrack)
            ?? throw new KeyNotFoundException(
                $"No track '{testTrack}'; the tracks are {string.Join(", ", folds.Select(f => f.TestTrack))}."
            );
    }
}
