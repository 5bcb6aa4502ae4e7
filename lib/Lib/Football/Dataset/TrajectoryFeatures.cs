using Lib.Football.Domain;
using Lib.Tensors;

namespace Lib.Football.Dataset;

/// <summary>
/// Turns a <see cref="FootballBatch"/> (physical units, absolute positions) into the <see cref="TrajectoryBatch"/>
/// the trajectory model, its losses and the baselines read. Per node and observed frame the model's features are
/// scaled to about unit size: the position relative to the node's position at the cut (/5 yd), the position on the
/// field (centred, /60 and /26.65 yd), velocity (/10 yd/s), speed (/10), acceleration (/10, clipped to ±3), direction
/// and orientation as sin and cos, the side flags and position group of <see cref="NodeFeatures"/>, and whether the
/// node was tracked in that frame. Every value is a scaling of a <see cref="NodeFeatures"/> column, the ball's as the
/// players': the data room derives velocities and accelerations causally (backward differences), so no feature reads
/// a frame after the cut. Targets become offsets from the position at the cut; only players' steps count
/// (<see cref="TrajectoryBatch.TargetMask"/>).
/// </summary>
public static class TrajectoryFeatures
{
    /// <summary>The model's feature names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "dx_cut",
        "dy_cut",
        "x_field",
        "y_field",
        "vx",
        "vy",
        "s",
        "a",
        "sin_dir",
        "cos_dir",
        "sin_o",
        "cos_o",
        "offense",
        "defense",
        "ball",
        .. PositionGroups.Players.Select(g => "group_" + g),
        "tracked",
    ];

    /// <summary>The number of features.</summary>
    public static int Count => Names.Count;

    private const int X = NodeFeatures.X,
        Y = NodeFeatures.Y,
        Vx = NodeFeatures.Vx,
        Vy = NodeFeatures.Vy,
        S = NodeFeatures.S,
        A = NodeFeatures.A,
        SinDir = NodeFeatures.SinDir,
        Side0 = NodeFeatures.Offense;

    /// <summary>The model's batch of <paramref name="batch"/>.</summary>
    public static TrajectoryBatch Of(FootballBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int m = batch.NodeCount,
            t = batch.Nodes.Size(1),
            f = batch.Nodes.Size(2),
            h = batch.Targets.Size(1),
            g = Count;
        var source = batch.Nodes.Data;
        var tracked = batch.ObservedMask.Data;
        var last = batch.LastPosition.Data;
        var isPlayer = batch.IsPlayer.Data;
        var frames = new float[m * t * g];
        var velocity = new float[m * 2];
        var heading = new float[m * 2];
        for (int i = 0; i < m; i++)
        {
            for (int step = 0; step < t; step++)
            {
                var from = source.Slice((i * t + step) * f, f);
                var to = frames.AsSpan((i * t + step) * g, g);
                to[0] = (from[X] - last[i * 2]) / 5f;
                to[1] = (from[Y] - last[i * 2 + 1]) / 5f;
                to[2] = (from[X] - 60f) / 60f;
                to[3] = (from[Y] - 26.65f) / 26.65f;
                to[4] = from[Vx] / 10f;
                to[5] = from[Vy] / 10f;
                to[6] = from[S] / 10f;
                to[7] = Math.Clamp(from[A] / 10f, -3f, 3f);
                from.Slice(SinDir, 4).CopyTo(to[8..]);
                from.Slice(Side0, f - Side0).CopyTo(to[12..]);
                to[g - 1] = tracked[i * t + step];
            }
            var cut = source.Slice((i * t + t - 1) * f, f);
            var previous = t > 1 ? source.Slice((i * t + t - 2) * f, f) : cut;
            velocity[i * 2] = cut[X] - previous[X];
            velocity[i * 2 + 1] = cut[Y] - previous[Y];
            (heading[i * 2], heading[i * 2 + 1]) = (cut[Vx] * 0.1f, cut[Vy] * 0.1f);
        }

        var targets = (float[])batch.Targets.Data.ToArray();
        var mask = (float[])batch.TargetMask.Data.ToArray();
        for (int i = 0; i < m; i++)
        for (int s = 0; s < h; s++)
        {
            int at = i * h + s;
            if (isPlayer[i] == 0f)
                mask[at] = 0f;
            if (mask[at] == 0f)
                (targets[at * 2], targets[at * 2 + 1]) = (0f, 0f);
            else
            {
                targets[at * 2] -= last[i * 2];
                targets[at * 2 + 1] -= last[i * 2 + 1];
            }
        }

        var nodes = new TrajectoryNode[m];
        var sizes = new int[batch.Size];
        for (int b = 0; b < batch.Size; b++)
        {
            sizes[b] = batch.NodeOffsets[b + 1] - batch.NodeOffsets[b];
            for (int i = batch.NodeOffsets[b]; i < batch.NodeOffsets[b + 1]; i++)
            {
                var e = batch.Entity(i);
                nodes[i] = new TrajectoryNode(b, e.NflId, e.Group.ToString(), e.Side.ToString());
            }
        }
        var scenes = batch
            .Samples.Select(s => new TrajectoryScene(
                s.Play.GameId,
                s.Play.PlayId,
                s.CutFrame,
                s.PlayType.ToString(),
                s.Tracks.Flipped
            ))
            .ToList();
        return new TrajectoryBatch(
            SceneGraph.FullyConnected(sizes),
            Tensor.FromArray(frames, m, t, g),
            batch.LastPosition,
            Tensor.FromArray(velocity, m, 2),
            Tensor.FromArray(heading, m, 2),
            Tensor.FromArray(targets, m, h, 2),
            Tensor.FromArray(mask, m, h),
            batch.Coverage,
            batch.CoverageMask,
            nodes,
            scenes
        );
    }
}
