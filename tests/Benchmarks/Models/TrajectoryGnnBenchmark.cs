using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Football.Train;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// Football's forecaster as the workflow trains it: the shipped <see cref="TrajectoryGnn"/> at the production config
/// (<c>configs/football/production.yaml</c>: hidden 64, 2 message-passing layers, one trajectory, batches of 32) on
/// real batches: 32 training samples of the bundled data (<c>data/football</c>, every pass and run play cut every
/// 0.5 s; 22 players and the ball, a fully connected graph of 506 edges per scene) drawn by a seeded shuffle, collated by
/// <see cref="FootballBatch.Collate"/> and <see cref="TrajectoryFeatures.Of"/>. One step is the trainer's:
/// <see cref="FootballTrainer.Step"/> (displacement + 0.5 velocity + 0.5 acceleration consistency + 0.2 coverage BCE),
/// backward, gradient norm clipped at 1, AdamW (lr 2e-3, decay 1e-4 on matrices). Samples are graphs (scenes). No
/// PyTorch twin: the architecture's PyTorch build is the golden script
/// <c>tests/fixtures/football/make_trajectory_gnn_golden.py</c>, not a timed one.
/// </summary>
internal sealed class TrajectoryGnnBenchmark : IModelBenchmark
{
    private const int PoolSize = 8;

    private readonly FootballTrainOptions _options;
    private readonly TrajectoryGnn _model;
    private readonly AdamW _optimizer;
    private readonly TrajectoryBatch[] _pool;

    public TrajectoryGnnBenchmark(long seed = 0)
    {
        var root = RepoRoot();
        _options = FootballTrainOptions.Named("production", Path.Combine(root, "configs", "football"));
        var data = FootballDatasetStep.Run(Path.Combine(root, "data", "football"), Path.Combine(root, "artifacts", "cache"));
        var train = data.Of(DataSplit.Train).ToArray();
        var order = new Generator(seed + 1);
        for (int i = train.Length - 1; i > 0; i--)
        {
            int j = order.NextInt(i + 1);
            (train[i], train[j]) = (train[j], train[i]);
        }
        int batch = _options.BatchSize;
        _pool = [.. Enumerable.Range(0, PoolSize).Select(p => TrajectoryFeatures.Of(FootballBatch.Collate(train[(p * batch)..((p + 1) * batch)])))];
        _model = new TrajectoryGnn(_options.ModelConfig(TrajectoryFeatures.Count, data.Options.Observed, data.Options.Horizon), new Generator(seed));
        _optimizer = new AdamW(ParamGroups.DecayAndNoDecay(_model, _options.WeightDecay), lr: _options.LearningRate);
    }

    /// <summary>The options, network, optimizer and batches (the TorchSharp side copies them).</summary>
    internal FootballTrainOptions Options => _options;
    internal TrajectoryGnn Network => _model;
    internal AdamW Optimizer => _optimizer;
    internal TrajectoryBatch[] Pool => _pool;

    public string Name => "trajectory_gnn";
    public string SampleUnit => "graphs";
    public int BatchSize => _options.BatchSize;
    public long ExpectedParameters => 76_649; // the production model card's count (artifacts/football/model/model.json)
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Football.Model.TrajectoryGnn", ["hidden"] = _options.Hidden, ["layers"] = _options.Layers,
        ["features"] = TrajectoryFeatures.Count, ["observed"] = _model.Config.Observed, ["horizon"] = _model.Config.Horizon,
        ["optim"] = "AdamW(2e-3, wd 1e-4 on matrices)+clip1.0", ["loss"] = "L2 displacement+velocity+acceleration+BCE(coverage)",
        ["pool_nodes_edges"] = _pool.Select(b => new[] { b.Frames.Size(0), b.Graph.Edges }).ToArray(),
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var step = FootballTrainer.Step(_model, b, _options);
        var loss = step.Loss;
        foreach (var term in step.Auxiliary?.Values ?? [])
            loss = loss + term;
        float value = loss.Item();
        loss.Backward();
        ClipGrad.ClipGradNorm(_model.Parameters(), _options.ClipNorm);
        _optimizer.Step();
        return value;
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.Frames, b.Positions, b.Velocity, b.Graph);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Lib.sln not found above the benchmark's binaries: trajectory_gnn reads data/football.");
    }
}
