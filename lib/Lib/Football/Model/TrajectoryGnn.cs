using Lib.Football.Dataset;
using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Football.Model;

/// <summary>
/// A graph network that forecasts every player's path. Per node (player or ball) a GRU reads the node's features over
/// the observed frames (the temporal encoder); its last state is the node's state h, which message-passing layers
/// (<see cref="MessagePassingLayer"/>) refine over the fully connected graph of the last observed frame, edges carrying
/// (dx, dy, distance) between the two nodes. Heads:
/// <list type="bullet">
/// <item>trajectory (deterministic): an MLP gives 20 (x, y) offsets per node that are added to the constant-velocity
/// extrapolation of the node's last displacement (residual learning; the last layer starts at zero, so an untrained
/// model is the constant-velocity baseline);</item>
/// <item>mixture (with <see cref="TrajectoryGnnConfig.Modes"/> K &gt; 0): an MLP gives per node K trajectories (again
/// residuals on constant velocity), their log standard deviations and K mode logits;</item>
/// <item>coverage: an MLP on the mean node state of each scene gives one logit (a tight window at the catch).</item>
/// </list>
/// Outputs are in yards relative to each node's last observed position. State-dict keys (PyTorch's):
/// <c>temporal.*</c> (<c>nn.GRU</c>, batch first), <c>layers.N.*</c>, <c>trajectory.0/2.*</c> or
/// <c>mixture.0/2.*</c>, <c>coverage.0/2.*</c>.
/// </summary>
public sealed class TrajectoryGnn : Module
{
    /// <summary>Builds the model with weights drawn from <paramref name="generator"/>.</summary>
    public TrajectoryGnn(TrajectoryGnnConfig config, Generator generator)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        ArgumentNullException.ThrowIfNull(generator);
        if (config.NodeFeatures < 1 || config.Hidden < 1 || config.Layers < 0 || config.Horizon < 1)
            throw new ArgumentException($"Not a valid model configuration: {config}.", nameof(config));
        if (config.Modes == 1 || config.Modes < 0)
            throw new ArgumentException($"Modes must be 0 (deterministic) or at least 2, got {config.Modes}.");
        int h = config.Hidden;
        Temporal = RegisterModule("temporal", new GRU(config.NodeFeatures, h, generator, batchFirst: true));
        Layers = RegisterModule(
            "layers",
            new ModuleList<MessagePassingLayer>(
                Enumerable.Range(0, config.Layers).Select(_ => new MessagePassingLayer(h, EdgeFeatures, generator))
            )
        );
        int steps = 2 * config.Horizon;
        if (config.Probabilistic)
            Head = RegisterModule("mixture", MessagePassingLayer.Mlp(h, h, config.Modes * (2 * steps + 1), generator));
        else
        {
            Head = RegisterModule("trajectory", MessagePassingLayer.Mlp(h, h, steps, generator));
            var last = (Linear)Head[2];
            last.Weight.AsSpan().Clear();
            last.Bias!.AsSpan().Clear();
        }
        Coverage = RegisterModule("coverage", MessagePassingLayer.Mlp(h, config.CoverageHidden, 1, generator));
        var ramp = new float[config.Horizon];
        for (int s = 0; s < ramp.Length; s++)
            ramp[s] = s + 1;
        _ramp = Tensor.FromArray(ramp, 1, config.Horizon, 1);
    }

    /// <summary>Features per edge: dx, dy and the distance, each divided by <see
    /// cref="TrajectoryGnnConfig.EdgeScale"/>.</summary>
    public const int EdgeFeatures = 3;

    private readonly Tensor _ramp; // [1, horizon, 1]: 1, 2, …, horizon

    /// <summary>The arguments the model was built with.</summary>
    public TrajectoryGnnConfig Config { get; }

    /// <summary>The per-node GRU over the observed frames.</summary>
    public GRU Temporal { get; }

    /// <summary>The message-passing layers.</summary>
    public ModuleList<MessagePassingLayer> Layers { get; }

    /// <summary>The trajectory head (deterministic) or the mixture decoder.</summary>
    public Sequential Head { get; }

    /// <summary>The coverage head.</summary>
    public Sequential Coverage { get; }

    /// <summary>
    /// The forecast of a batch: <paramref name="frames"/> [nodes, observed, features] (each node's features per
    /// observed frame), <paramref name="positions"/> [nodes, 2] (each node's last observed x, y in yards, for the edge
    /// features), <paramref name="velocity"/> [nodes, 2] (each node's last displacement per frame, yards), and the
    /// batch's <paramref name="graph"/>.
    /// </summary>
    public TrajectoryOutput Forward(Tensor frames, Tensor positions, Tensor velocity, SceneGraph graph)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(velocity);
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.Nodes;
        if (frames.Dim != 3 || frames.Size(0) != n || frames.Size(2) != Config.NodeFeatures)
            throw new ArgumentException(
                $"frames must be [{n}, T, {Config.NodeFeatures}] (nodes, frames, features), got "
                    + $"[{string.Join(", ", frames.Shape)}].",
                nameof(frames)
            );
        CheckPairs(positions, n, nameof(positions));
        CheckPairs(velocity, n, nameof(velocity));

        var (_, state) = Temporal.Forward(frames); // [1, nodes, H]
        var h = state.Reshape(n, Config.Hidden); // [nodes, H]
        var relative = positions.IndexSelect(0, graph.Source) - positions.IndexSelect(0, graph.Target); // [E, 2]
        var distance = (relative * relative).Sum(-1, keepDim: true).Sqrt(); // [E, 1]
        var edges = Tensor.Cat([relative, distance], dim: -1) / Config.EdgeScale; // [E, 3]
        foreach (var layer in Layers)
            h = layer.Forward(h, edges, graph);

        var constantVelocity = velocity.Unsqueeze(1) * _ramp; // [nodes, horizon, 2]
        var pooled = Tensor.SegmentSum(h, graph.Members) / graph.SceneSizeTensor.Unsqueeze(1); // [scenes, H]
        var coverage = Coverage.Forward(pooled).Reshape(graph.Scenes); // [scenes]
        var head = Head.Forward(h); // [nodes, …]
        int steps = 2 * Config.Horizon;
        if (!Config.Probabilistic)
        {
            var offsets = head.Reshape(n, Config.Horizon, 2) + constantVelocity; // [nodes, horizon, 2]
            return new TrajectoryOutput(offsets.Unsqueeze(1), null, null, coverage);
        }
        int k = Config.Modes;
        var means = head.Narrow(1, 0, k * steps).Reshape(n, k, Config.Horizon, 2) + constantVelocity.Unsqueeze(1);
        var logSigma = head.Narrow(1, k * steps, k * steps).Reshape(n, k, Config.Horizon, 2);
        var logits = head.Narrow(1, 2 * k * steps, k); // [nodes, K]
        return new TrajectoryOutput(means, logSigma, logits, coverage);
    }

    private static void CheckPairs(Tensor t, int nodes, string name)
    {
        if (t.Dim != 2 || t.Size(0) != nodes || t.Size(1) != 2)
            throw new ArgumentException(
                $"{name} must be [{nodes}, 2] (one x, y per node), got [{string.Join(", ", t.Shape)}].",
                name
            );
    }
}
