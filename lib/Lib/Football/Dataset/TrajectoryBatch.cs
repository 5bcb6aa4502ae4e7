using Lib.Tensors;

namespace Lib.Football.Dataset;

/// <summary>
/// A collated batch of scenes for the trajectory model (<c>Model.TrajectoryGnn</c>), its losses, the baselines and the
/// metrics. A scene is one sample: a play cut at a frame, its nodes (the players seen in the observed frames, then the
/// ball) in the normalised frame (offence attacking +x). Positions are yards; every forecast and target is an offset
/// from the node's last observed position.
/// </summary>
/// <param name="Graph">The batch's fully connected scene graph.</param>
/// <param name="Frames">[nodes, observed, F]: each node's features per observed frame.</param>
/// <param name="Positions">[nodes, 2]: the last observed x, y.</param>
/// <param name="Velocity">[nodes, 2]: the last observed displacement per frame (the constant-velocity
/// baseline).</param>
/// <param name="HeadingVelocity">[nodes, 2]: 0.1·s·(sin dir, cos dir) at the last observed frame, yards per frame
/// (the speed-and-direction baseline; the ball, without a direction, gets its displacement).</param>
/// <param name="Targets">[nodes, horizon, 2]: the true future positions minus the last observed one.</param>
/// <param name="TargetMask">[nodes, horizon]: 1 where a player (not the ball) has a true position at that
/// step.</param>
/// <param name="CoverageLabels">[scenes]: 1 = a tight window at the catch, 0 = not.</param>
/// <param name="CoverageMask">[scenes]: 1 where the scene has a coverage label (pass plays whose pass
/// arrives).</param>
/// <param name="Nodes">Per node: scene, player id, position group, side.</param>
/// <param name="Scenes">Per scene: play, cut frame, play type, normalisation.</param>
public sealed record TrajectoryBatch(
    SceneGraph Graph,
    Tensor Frames,
    Tensor Positions,
    Tensor Velocity,
    Tensor HeadingVelocity,
    Tensor Targets,
    Tensor TargetMask,
    Tensor CoverageLabels,
    Tensor CoverageMask,
    IReadOnlyList<TrajectoryNode> Nodes,
    IReadOnlyList<TrajectoryScene> Scenes
)
{
    /// <summary>Forecast steps.</summary>
    public int Horizon => Targets.Size(1);
}

/// <summary>One node of a <see cref="TrajectoryBatch"/>.</summary>
/// <param name="Scene">The scene's index in the batch.</param>
/// <param name="NflId">The player's id; null for the ball.</param>
/// <param name="Group">The position group's name (QB, WR, DB …; <c>Ball</c> for the ball).</param>
/// <param name="Side">The side's name: <c>Offense</c>, <c>Defense</c> or <c>Ball</c>.</param>
public sealed record TrajectoryNode(int Scene, int? NflId, string Group, string Side)
{
    /// <summary>Whether the node is the ball.</summary>
    public bool IsBall => NflId is null;
}

/// <summary>One scene (sample) of a <see cref="TrajectoryBatch"/>.</summary>
/// <param name="GameId">The play's game.</param>
/// <param name="PlayId">The play within its game.</param>
/// <param name="CutFrame">The last observed frame.</param>
/// <param name="Type">The play type's name (Pass, Rush …).</param>
/// <param name="Flipped">Whether the play was turned 180° to normalise it (x → 120 − x, y → 53.3 − y): predictions
/// turn back the same way.</param>
public sealed record TrajectoryScene(long GameId, int PlayId, int CutFrame, string Type, bool Flipped);
