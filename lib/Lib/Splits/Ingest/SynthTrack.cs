namespace Lib.Splits.Ingest;

/// <summary>A synthetic track: its photos left to right, the strip's layout, the split positions X0..X5 and its
/// riders' runs (who share the strip and the positions).</summary>
public sealed record SynthTrack(
    string TrackId,
    IReadOnlyList<string> Photos,
    StripLayout Layout,
    IReadOnlyList<int> SplitPositions,
    IReadOnlyList<SynthRun> Runs
);
