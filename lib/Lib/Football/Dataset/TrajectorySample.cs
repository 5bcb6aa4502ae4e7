using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// One sample: a play cut at <see cref="CutFrame"/>, observing frames <c>CutFrame − Observed + 1 … CutFrame</c> and
/// forecasting <c>CutFrame + 1 … CutFrame + Horizon</c>, over <see cref="Nodes"/>: the entities of
/// <see cref="Tracks"/> tracked in at least one observed frame (players, offence then defence, then the ball). The
/// values are read from the tracks when batched (<see cref="FootballBatch.Collate"/>).
/// </summary>
/// <param name="Tracks">The play's normalised tracks.</param>
/// <param name="CutFrame">The last observed frame.</param>
/// <param name="Nodes">Indices into <see cref="PlayTracks.Entities"/>.</param>
/// <param name="Observed">Frames observed.</param>
/// <param name="Horizon">Frames forecast.</param>
/// <param name="Split">The part of the split by game the play's game is in.</param>
/// <param name="Coverage">The play's tight-window label, when it has one.</param>
public sealed record TrajectorySample(
    PlayTracks Tracks,
    int CutFrame,
    IReadOnlyList<int> Nodes,
    int Observed,
    int Horizon,
    DataSplit Split,
    CoverageLabel? Coverage
)
{
    /// <summary>The play.</summary>
    public PlayKey Play => Tracks.Play.Key;

    /// <summary>The play type.</summary>
    public PlayType PlayType => Tracks.Play.Type;

    /// <summary>Frames since the snap at the cut.</summary>
    public int FramesAfterSnap => CutFrame - (Tracks.Play.SnapFrame ?? Tracks.FirstFrame);
}
