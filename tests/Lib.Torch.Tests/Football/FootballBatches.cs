using Lib.Football.Dataset;
using Lib.Tensors;

namespace Lib.Torch.Tests.Football;

/// <summary>
/// Batches with the workflow's shapes: scenes of 23 nodes (22 players and the ball), <see cref="TrajectoryFeatures"/>
/// per node and frame, 10 observed frames and 20 forecast steps. Positions are on the field, velocities about a yard
/// a frame at most, targets the constant-velocity path plus a drift; the ball and the last steps of some players are
/// masked out, as tracking that ends early is; half the scenes carry a coverage label.
/// </summary>
internal static class FootballBatches
{
    public const int NodesPerScene = 23;

    public static TrajectoryBatch Make(int scenes, long seed, int observed = 10, int horizon = 20)
    {
        var g = new Generator(seed);
        int n = scenes * NodesPerScene;
        var graph = SceneGraph.FullyConnected([.. Enumerable.Repeat(NodesPerScene, scenes)]);
        var frames = Tensor.Randn(g, n, observed, TrajectoryFeatures.Count);
        var positions = Tensor.Rand(g, n, 2) * Tensor.FromArray([120f, 53.3f], 1, 2);
        var velocity = (Tensor.Rand(g, n, 2) - 0.5f) * 2f;
        var drift = Tensor.Randn(g, n, horizon, 2) * 0.3f;
        var t = drift.AsSpan();
        var v = velocity.Data;
        for (int i = 0; i < n; i++)
        for (int s = 0; s < horizon; s++)
        for (int c = 0; c < 2; c++)
        {
            int at = (i * horizon + s) * 2 + c;
            t[at] += v[i * 2 + c] * (s + 1) + (s > 0 ? t[at - 2] - v[i * 2 + c] * s : 0f);
        }
        var mask = new float[n * horizon];
        var nodes = new List<TrajectoryNode>();
        for (int i = 0; i < n; i++)
        {
            bool ball = i % NodesPerScene == NodesPerScene - 1;
            int real =
                ball ? 0
                : i % 7 == 3 ? horizon / 2
                : horizon; // some tracks end early
            for (int s = 0; s < real; s++)
                mask[i * horizon + s] = 1f;
            nodes.Add(new TrajectoryNode(i / NodesPerScene, ball ? null : 1000 + i, ball ? "ball" : "player", "x"));
        }
        var labels = new float[scenes];
        var labelled = new float[scenes];
        for (int s = 0; s < scenes; s++)
        {
            labels[s] = s % 3 == 0 ? 1f : 0f;
            labelled[s] = s % 2 == 0 ? 1f : 0f;
        }
        return new TrajectoryBatch(
            graph,
            frames,
            positions,
            velocity,
            velocity,
            drift,
            Tensor.FromArray(mask, n, horizon),
            Tensor.FromArray(labels, scenes),
            Tensor.FromArray(labelled, scenes),
            nodes,
            [.. Enumerable.Range(0, scenes).Select(s => new TrajectoryScene(1, s, 10, "pass", false))]
        );
    }
}
