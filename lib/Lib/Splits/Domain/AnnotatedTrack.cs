namespace Lib.Splits.Domain;

/// <summary>A track's annotated runs (its riders) and the number of points each run has.</summary>
public sealed record AnnotatedTrack(string TrackId, int PointCount, IReadOnlyList<AnnotatedRun> Runs)
{
    /// <summary>The run of <paramref name="riderId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The track has no such rider (names the riders it has).</exception>
    public AnnotatedRun Rider(string riderId) =>
        Runs.FirstOrDefault(r => r.RiderId == riderId)
        ?? throw new KeyNotFoundException(
            $"Track '{TrackId}' has no rider '{riderId}' (it has {string.Join(", ", Runs.Select(r => r.RiderId))})."
        );
}
