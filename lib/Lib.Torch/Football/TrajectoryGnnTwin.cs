using Lib.Football.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// The TorchSharp twin of <see cref="TrajectoryGnn"/>: a per-node <c>nn.GRU</c> over the observed frames (the temporal
/// encoder), <see cref="MessagePassingLayerTwin"/>s over each scene's fully connected graph with (dx, dy, distance)
/// edges, the trajectory head (residuals on constant velocity) or the mixture decoder (K trajectories, their log
/// standard deviations and mode logits), and the coverage head on each scene's mean node state. Same keys:
/// <c>temporal.*</c>, <c>layers.N.*</c>, <c>trajectory.0/2.*</c> or <c>mixture.0/2.*</c>, <c>coverage.0/2.*</c>.
/// </summary>
public sealed class TrajectoryGnnTwin : nn.Module<Tensor, Tensor, Tensor, SceneGraphTensors, TrajectoryOutputTensors>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name (null ones not at all).
    private readonly GRU temporal;
    private readonly ModuleList<MessagePassingLayerTwin> layers;
    private readonly Sequential? trajectory,
        mixture;
    private readonly Sequential coverage;

    /// <summary>Builds the twin of <paramref name="config"/> (weights: copy the engine's in with
    /// <see cref="TorchState"/>).</summary>
    public TrajectoryGnnTwin(TrajectoryGnnConfig config)
        : base(nameof(TrajectoryGnnTwin))
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        if (config.NodeFeatures < 1 || config.Hidden < 1 || config.Layers < 0 || config.Horizon < 1)
            throw new ArgumentException($"Not a valid model configuration: {config}.", nameof(config));
        if (config.Modes == 1 || config.Modes < 0)
            throw new ArgumentException($"Modes must be 0 (deterministic) or at least 2, got {config.Modes}.");
        int h = config.Hidden;
        temporal = nn.GRU(config.NodeFeatures, h, batchFirst: true);
        layers = nn.ModuleList([
            .. Enumerable
                .Range(0, config.Layers)
                .Select(_ => new MessagePassingLayerTwin(h, TrajectoryGnn.EdgeFeatures)),
        ]);
        int steps = 2 * config.Horizon;
        if (config.Probabilistic)
            mixture = MessagePassingLayerTwin.Mlp(h, h, config.Modes * (2 * steps + 1));
        else
            trajectory = MessagePassingLayerTwin.Mlp(h, h, steps);
        coverage = MessagePassingLayerTwin.Mlp(h, config.CoverageHidden, 1);
        RegisterComponents();
    }

    /// <summary>The arguments.</summary>
    public TrajectoryGnnConfig Config { get; }

    /// <summary>
    /// The forecast of a batch: <paramref name="frames"/> [nodes, observed, features], <paramref name="positions"/>
    /// [nodes, 2] (last observed x, y in yards), <paramref name="velocity"/> [nodes, 2] (last displacement per frame),
    /// and the batch's <paramref name="graph"/>.
    /// </summary>
    public override TrajectoryOutputTensors forward(
        Tensor frames,
        Tensor positions,
        Tensor velocity,
        SceneGraphTensors graph
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.Nodes;
        if (frames.dim() != 3 || frames.shape[0] != n || frames.shape[2] != Config.NodeFeatures)
            throw new ArgumentException(
                $"frames must be [{n}, T, {Config.NodeFeatures}] (nodes, frames, features), got "
                    + $"[{string.Join(", ", frames.shape)}].",
                nameof(frames)
            );
        var (_, state) = temporal.forward(frames); // [1, nodes, H]
        var h = state.reshape(n, Config.Hidden);
        var relative = positions.index_select(0, graph.Source) - positions.index_select(0, graph.Target); // [E, 2]
        var distance = (relative * relative).sum(-1, keepdim: true).sqrt(); // [E, 1]
        var edges = cat([relative, distance], -1) / Config.EdgeScale; // [E, 3]
        foreach (var layer in layers)
            h = layer.forward(h, edges, graph);

        int horizon = Config.Horizon;
        var ramp = arange(1, horizon + 1, 1, velocity.dtype, velocity.device).reshape(1, horizon, 1);
        var constantVelocity = velocity.unsqueeze(1) * ramp; // [nodes, horizon, 2]
        var pooled = graph.SumScenes(h) / graph.SceneSizes.unsqueeze(1).to(h.dtype); // [scenes, H], working type
        var scene = coverage.forward(pooled).reshape(graph.Scenes); // [scenes]
        var head = (mixture ?? trajectory)!.forward(h); // [nodes, …]
        int steps = 2 * horizon;
        if (!Config.Probabilistic)
        {
            var offsets = head.reshape(n, horizon, 2) + constantVelocity;
            return new TrajectoryOutputTensors(offsets.unsqueeze(1), null, null, scene);
        }
        int k = Config.Modes;
        var means = head.narrow(1, 0, k * steps).reshape(n, k, horizon, 2) + constantVelocity.unsqueeze(1);
        var logSigma = head.narrow(1, k * steps, k * steps).reshape(n, k, horizon, 2);
        var logits = head.narrow(1, 2 * k * steps, k);
        return new TrajectoryOutputTensors(means, logSigma, logits, scene);
    }
}
