namespace Lib.Splits.Domain;

/// <summary>
/// The annotations of a set of helmet-camera videos (the seed's <c>video_config.yaml</c>): runs in file order, grouped
/// by track, each with the same number of increasing timecodes — six (start, four splits, finish) unless its track
/// declares another count. Read and written by <see cref="VideoConfigYaml"/>.
/// </summary>
public sealed class VideoConfig
{
    private readonly Dictionary<string, int> _declared;

    /// <summary>
    /// Annotations of <paramref name="runs"/>; <paramref name="pointCounts"/> are the counts tracks declare.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A (track, rider) pair twice, a run with the wrong number of timecodes, or timecodes that do not increase.
    /// </exception>
    public VideoConfig(IEnumerable<AnnotatedRun> runs, IReadOnlyDictionary<string, int>? pointCounts = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Runs = [.. runs];
        _declared = pointCounts is null ? [] : new(pointCounts);
        foreach (var (track, count) in _declared)
            if (count < 2)
                throw new ArgumentException($"Track '{track}' declares {count} points (expected at least 2).");
        var seen = new HashSet<(string, string)>();
        foreach (var run in Runs)
        {
            if (!seen.Add((run.TrackId, run.RiderId)))
                throw new ArgumentException($"Track '{run.TrackId}', rider '{run.RiderId}' is annotated twice.");
            int expected = PointCount(run.TrackId);
            if (run.Timecodes.Count != expected)
                throw new ArgumentException(
                    $"Track '{run.TrackId}', rider '{run.RiderId}': {run.Timecodes.Count} timecodes "
                        + $"(expected {expected})."
                );
            for (int i = 1; i < run.Timecodes.Count; i++)
                if (run.Timecodes[i] <= run.Timecodes[i - 1])
                    throw new ArgumentException(
                        $"Track '{run.TrackId}', rider '{run.RiderId}': {SplitPoints.Name(i, expected)} "
                            + $"{run.Timecodes[i]} is not after {SplitPoints.Name(i - 1, expected)} "
                            + $"{run.Timecodes[i - 1]}."
                    );
        }
        Tracks = [.. Runs.GroupBy(r => r.TrackId).Select(g => new AnnotatedTrack(g.Key, PointCount(g.Key), [.. g]))];
    }

    /// <summary>Every annotated run, in file order.</summary>
    public IReadOnlyList<AnnotatedRun> Runs { get; }

    /// <summary>The tracks in order of first appearance, each with its runs in file order.</summary>
    public IReadOnlyList<AnnotatedTrack> Tracks { get; }

    /// <summary>
    /// The point counts tracks declare (tracks not named here have <see cref="SplitPoints.DefaultCount"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> DeclaredPointCounts => _declared;

    /// <summary>The number of timecodes each run of <paramref name="trackId"/> has.</summary>
    public int PointCount(string trackId) =>
        _declared.TryGetValue(trackId, out var count) ? count : SplitPoints.DefaultCount;

    /// <summary>The track <paramref name="trackId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such track (names the tracks there are).</exception>
    public AnnotatedTrack Track(string trackId) =>
        Tracks.FirstOrDefault(t => t.TrackId == trackId)
        ?? throw new KeyNotFoundException(
            $"No track '{trackId}' is annotated (tracks: {string.Join(", ", Tracks.Select(t => t.TrackId))})."
        );

    /// <summary>The run of <paramref name="riderId"/> on <paramref name="trackId"/>.</summary>
    public AnnotatedRun Run(string trackId, string riderId) => Track(trackId).Rider(riderId);
}
