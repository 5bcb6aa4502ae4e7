using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Football.Train;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// Football's shipped <see cref="TrajectoryGnn"/> as <see cref="FootballTrainer"/> trains it: the default
/// <see cref="TrajectoryGnnConfig"/> (GRU of 64 over 10 observed frames of <see cref="TrajectoryFeatures"/>, 2
/// message-passing layers, 20 forecast steps, the deterministic head, coverage head of 32) on batches of 32 scenes of
/// 23 nodes (22 players and the ball; 16,192 directed edges); the loss is the trainer's (L2 displacement + 0.5 ·
/// velocity + 0.5 · acceleration + 0.2 · coverage BCE), AdamW (lr 2e-3, decay 1e-4 on matrices only), gradient norm
/// clipped at 1. Samples are scenes. The batches have the workflow's shapes (synthetic values: positions on the field,
/// targets near constant velocity, the ball and a seventh of the players' late steps masked out).
/// </summary>
internal sealed class TrajectoryGnnBenchmark : IModelBenchmark
{
    internal const int Scenes = 32, NodesPerScene = 23, PoolSize = 4;
    internal static readonly FootballTrainOptions Options = new();
    internal static readonly TrajectoryGnnConfig ModelConfig = new() { NodeFeatures = TrajectoryFeatures.Count };

    private readonly TrajectoryGnn _model;
    private readonly AdamW _optimizer;

    public TrajectoryGnnBenchmark(long seed = 0)
    {
        _model = new TrajectoryGnn(ModelConfig, new Generator(seed));
        _optimizer = new AdamW(
            ParamGroups.DecayAndNoDecay(_model, Options.WeightDecay),
            lr: Options.LearningRate,
            weightDecay: Options.WeightDecay
        );
        var data = new Generator(seed + 1);
        Pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(data, Scenes))];
    }

    /// <summary>The batches (the TorchSharp side copies them).</summary>
    internal TrajectoryBatch[] Pool { get; }

    /// <summary>The network (the TorchSharp side copies its weights).</summary>
    internal TrajectoryGnn Network => _model;

    /// <summary>The optimizer (the TorchSharp side mirrors it).</summary>
    internal AdamW Optimizer => _optimizer;

    public string Name => "trajectory_gnn";
    public string SampleUnit => "scenes";
    public int BatchSize => Scenes;
    public long ExpectedParameters => 76_649;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Football.Model.TrajectoryGnn", ["node_features"] = ModelConfig.NodeFeatures,
        ["hidden"] = ModelConfig.Hidden, ["layers"] = ModelConfig.Layers, ["observed"] = ModelConfig.Observed,
        ["horizon"] = ModelConfig.Horizon, ["nodes_per_scene"] = NodesPerScene,
        ["edges"] = Scenes * NodesPerScene * (NodesPerScene - 1),
        ["optim"] = "AdamW(2e-3, wd 1e-4 on matrices)+clip1.0", ["loss"] = "L2+0.5vel+0.5acc+0.2coverage",
    };

    public float TrainStep(int batch)
    {
        var b = Pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var loss = Loss(_model.Forward(b.Frames, b.Positions, b.Velocity, b.Graph), b);
        float value = loss.Item();
        loss.Backward();
        ClipGrad.ClipGradNorm(_model.Parameters(), Options.ClipNorm);
        _optimizer.Step();
        return value;
    }

    public void InferStep(int batch)
    {
        var b = Pool[batch % PoolSize];
        _model.Forward(b.Frames, b.Positions, b.Velocity, b.Graph).CoverageLogit.Sigmoid();
    }

    /// <summary>The trainer's loss for the deterministic head.</summary>
    private static Tensor Loss(TrajectoryOutput output, TrajectoryBatch b)
    {
        var path = output.Means.Select(1, 0);
        return TrajectoryLoss.Displacement(path, b.Targets, b.TargetMask)
            + TrajectoryLoss.Velocity(path, b.Targets, b.TargetMask) * (float)Options.VelocityWeight
            + TrajectoryLoss.Acceleration(path, b.Targets, b.TargetMask) * (float)Options.AccelerationWeight
            + TrajectoryLoss.Coverage(output.CoverageLogit, b.CoverageLabels, b.CoverageMask)
                * (float)Options.CoverageWeight;
    }

    /// <summary>A batch of <paramref name="scenes"/> scenes with the workflow's shapes.</summary>
    internal static TrajectoryBatch MakeBatch(Generator g, int scenes)
    {
        int n = scenes * NodesPerScene,
            observed = ModelConfig.Observed,
            horizon = ModelConfig.Horizon;
        var graph = SceneGraph.FullyConnected([.. Enumerable.Repeat(NodesPerScene, scenes)]);
        var frames = Tensor.Randn(g, n, observed, TrajectoryFeatures.Count);
        var positions = Tensor.Rand(g, n, 2) * Tensor.FromArray([120f, 53.3f], 1, 2);
        var velocity = (Tensor.Rand(g, n, 2) - 0.5f) * 2f;
        var targets = Tensor.Randn(g, n, horizon, 2) * 0.3f;
        var t = targets.AsSpan();
        var v = velocity.Data;
        for (int i = 0; i < n; i++)
            for (int s = 0; s < horizon; s++)
                for (int c = 0; c < 2; c++)
                {
                    int at = (i * horizon + s) * 2 + c;
                    t[at] += v[i * 2 + c] + (s > 0 ? t[at - 2] : 0f); // a random walk around constant velocity
                }
        var mask = new float[n * horizon];
        var nodes = new List<TrajectoryNode>(n);
        for (int i = 0; i < n; i++)
        {
            bool ball = i % NodesPerScene == NodesPerScene - 1;
            int real = ball ? 0 : i % 7 == 3 ? horizon / 2 : horizon;
            for (int s = 0; s < real; s++)
                mask[i * horizon + s] = 1f;
            nodes.Add(new TrajectoryNode(i / NodesPerScene, ball ? null : i, ball ? "ball" : "player", "offense"));
        }
        var labels = new float[scenes];
        var labelled = new float[scenes];
        for (int s = 0; s < scenes; s++)
        {
            labels[s] = s % 3 == 0 ? 1f : 0f;
            labelled[s] = s % 2 == 0 ? 1f : 0f;
        }
        return new TrajectoryBatch(graph, frames, positions, velocity, velocity, targets,
            Tensor.FromArray(mask, n, horizon), Tensor.FromArray(labels, scenes), Tensor.FromArray(labelled, scenes),
            nodes, [.. Enumerable.Range(0, scenes).Select(s => new TrajectoryScene(1, s, 10, "pass", false))]);
    }
}
