using System.Text.Json;
using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Football.Train;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.IO;
using Lib.Tensors.NN;
using Lib.Torch.Football;
using TorchSharp;

namespace Lib.Torch.Tests.Football;

/// <summary>
/// The football graph network's twin: same keys, same outputs from the same weights (the engine's segment sums
/// against TorchSharp's <c>index_add</c>), same loss and gradients after one training step (the trainer's own loss
/// on the engine, <see cref="TrajectoryLossTwin"/> on TorchSharp), and checkpoints that predict the same on either
/// side; and the twin against the PyTorch 1.13 goldens the engine is tested on.
/// </summary>
public class TrajectoryGnnTwinTests
{
    private static TrajectoryGnnConfig Config(int modes) =>
        new() { NodeFeatures = TrajectoryFeatures.Count, Modes = modes }; // the workflow's defaults otherwise

    /// <summary>The engine model with every weight random (the deterministic head starts at zero, which would hide
    /// it).</summary>
    private static TrajectoryGnn Engine(int modes, long seed)
    {
        var model = new TrajectoryGnn(Config(modes), new Generator(seed));
        var g = new Generator(seed + 100);
        foreach (var (key, p) in model.NamedParameters())
            if (key.StartsWith("trajectory.2.", StringComparison.Ordinal))
                (Tensor.Randn(g, [.. p.Shape]) * 0.05f).AsSpan().CopyTo(p.AsSpan());
        return model;
    }

    private static TrajectoryGnnTwin Twin(TrajectoryGnn engine)
    {
        var twin = new TrajectoryGnnTwin(engine.Config);
        TorchState.CopyToTorch(engine, twin);
        return twin;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void TheSameWeightsGiveTheSameForecast(int modes)
    {
        var engine = Engine(modes, 11);
        using var twin = Twin(engine);
        Parity.SameKeys(engine, twin);
        var batch = FootballBatches.Make(scenes: 8, seed: 3);
        engine.Eval();
        twin.eval();
        TrajectoryOutput expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(batch.Frames, batch.Positions, batch.Velocity, batch.Graph);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        using var b = TrajectoryBatchTensors.From(batch);
        var actual = twin.forward(b.Frames, b.Positions, b.Velocity, b.Graph);
        Parity.Close(expected.Means, actual.Means, "means");
        Parity.Close(expected.CoverageLogit, actual.CoverageLogit, "coverage");
        Assert.Equal(expected.IsMixture, actual.IsMixture);
        if (expected.IsMixture)
        {
            Parity.Close(expected.LogSigma!, actual.LogSigma!, "log sigma");
            Parity.Close(expected.ModeLogits!, actual.ModeLogits!, "mode logits");
        }
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(0, 1.0)]
    [InlineData(6, null)]
    public void OneTrainingStepGivesTheSameLossAndGradients(int modes, double? huber)
    {
        var engine = Engine(modes, 21);
        using var twin = Twin(engine);
        var options = new FootballTrainOptions { HuberDelta = huber };
        var batch = FootballBatches.Make(scenes: 4, seed: 5);
        engine.Train();
        twin.train();
        var step = FootballTrainer.Step(engine, batch, options);
        var loss = step.Auxiliary!.Values.Aggregate(step.Loss, (a, t) => a + t);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        using var b = TrajectoryBatchTensors.From(batch);
        var output = twin.forward(b.Frames, b.Positions, b.Velocity, b.Graph);
        var torchLoss = TrajectoryLossTwin.Total(output, b, options);
        torchLoss.backward();

        Assert.Equal(loss.Item(), torchLoss.item<float>(), 1e-5f * (1 + Math.Abs(loss.Item())));
        Parity.SameGradients(engine, twin);
    }

    [Fact]
    public void ACheckpointTrainedOnEitherSidePredictsTheSameOnTheOther()
    {
        using var dir = new TempFolder();
        var batch = FootballBatches.Make(scenes: 4, seed: 8);
        var options = new FootballTrainOptions();

        // TorchSharp trains, the engine predicts from its checkpoint.
        var start = Engine(0, 31);
        using var twin = Twin(start);
        twin.train();
        using (var b = TrajectoryBatchTensors.From(batch))
        {
            using var adam = torch.optim.Adam(twin.parameters(), 1e-3);
            for (int i = 0; i < 3; i++)
            {
                using var scope = torch.NewDisposeScope();
                adam.zero_grad();
                TrajectoryLossTwin
                    .Total(twin.forward(b.Frames, b.Positions, b.Velocity, b.Graph), b, options)
                    .backward();
                adam.step();
            }
        }
        var fromTorch = Path.Combine(dir.Path, "torch.safetensors");
        Checkpoint.Save(fromTorch, TorchState.StateDict(twin));
        var engine = new TrajectoryGnn(start.Config, new Generator(99));
        Checkpoint.Load(fromTorch, engine);
        AssertSamePrediction(engine, twin, batch);

        // The engine trains, TorchSharp predicts from its checkpoint.
        var adamEngine = new Lib.Tensors.Optim.Adam(engine.Parameters(), lr: 1e-3);
        engine.Train();
        for (int i = 0; i < 3; i++)
        {
            adamEngine.ZeroGrad();
            var s = FootballTrainer.Step(engine, batch, options);
            s.Auxiliary!.Values.Aggregate(s.Loss, (a, t) => a + t).Backward();
            adamEngine.Step();
        }
        var fromEngine = Path.Combine(dir.Path, "engine.safetensors");
        Checkpoint.Save(fromEngine, engine);
        using var other = new TrajectoryGnnTwin(engine.Config);
        TorchState.LoadInto(other, Checkpoint.LoadTensors(fromEngine).Tensors);
        AssertSamePrediction(engine, other, batch);
    }

    private static void AssertSamePrediction(TrajectoryGnn engine, TrajectoryGnnTwin twin, TrajectoryBatch batch)
    {
        engine.Eval();
        twin.eval();
        TrajectoryOutput expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(batch.Frames, batch.Positions, batch.Velocity, batch.Graph);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        using var b = TrajectoryBatchTensors.From(batch);
        var actual = twin.forward(b.Frames, b.Positions, b.Velocity, b.Graph);
        Parity.Close(expected.Means, actual.Means, "means");
        Parity.Close(expected.CoverageLogit, actual.CoverageLogit, "coverage");
    }

    [Theory]
    [InlineData("deterministic")]
    [InlineData("mixture")]
    public void TheTwinMatchesThePyTorchGolden(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "football", $"trajectory_gnn_{name}.safetensors");
        var (tensors, metadata) = SafeTensors.Load(path);
        var cfg = JsonDocument.Parse(metadata["config"]).RootElement;
        var config = new TrajectoryGnnConfig
        {
            NodeFeatures = cfg.GetProperty("node_features").GetInt32(),
            Hidden = cfg.GetProperty("hidden").GetInt32(),
            Layers = cfg.GetProperty("layers").GetInt32(),
            Horizon = cfg.GetProperty("horizon").GetInt32(),
            Modes = cfg.GetProperty("modes").GetInt32(),
            CoverageHidden = cfg.GetProperty("coverage_hidden").GetInt32(),
        };
        using var twin = new TrajectoryGnnTwin(config);
        TorchState.LoadInto(
            twin,
            tensors
                .Where(t => t.Key.StartsWith("param.", StringComparison.Ordinal))
                .ToDictionary(t => t.Key["param.".Length..], t => t.Value.ToTensor())
        );
        using var scope = torch.NewDisposeScope();
        using var graph = SceneGraphTensors.From(
            SceneGraph.FullyConnected(tensors["input.scene_sizes"].ToIndexTensor().ToArray())
        );
        var frames = Parity.Torch(tensors["input.frames"].ToTensor()).requires_grad_();
        var output = twin.forward(
            frames,
            Parity.Torch(tensors["input.positions"].ToTensor()),
            Parity.Torch(tensors["input.velocity"].ToTensor()),
            graph
        );
        var outputs = new Dictionary<string, torch.Tensor>
        {
            ["means"] = output.Means,
            ["coverage"] = output.CoverageLogit,
        };
        if (output.IsMixture)
        {
            outputs["log_sigma"] = output.LogSigma!;
            outputs["logits"] = output.ModeLogits!;
        }
        torch.Tensor? loss = null;
        foreach (var (key, value) in outputs)
        {
            Parity.Close(tensors[$"output.{key}"].ToTensor(), value, key);
            var term = (value * Parity.Torch(tensors[$"upstream.{key}"].ToTensor())).sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.backward();
        Parity.Close(tensors["grad.input.frames"].ToTensor(), frames.grad!, "d/d frames", 1e-4f);
        foreach (var (key, parameter) in twin.named_parameters())
            Parity.Close(tensors[$"grad.param.{key}"].ToTensor(), parameter.grad!, $"d/d {key}", 1e-4f);
    }
}
