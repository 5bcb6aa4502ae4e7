using Lib.Football.Dataset;
using System.Text.Json;
using Lib.Football.Model;
using Lib.Tensors;
using Lib.Tensors.IO;

namespace Lib.Tests.Football;

public class TrajectoryGnnTests
{
    private static string Golden(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "fixtures", "football", $"trajectory_gnn_{name}.safetensors");

    [Theory]
    [InlineData("deterministic")]
    [InlineData("mixture")]
    public void Matches_the_PyTorch_golden_in_outputs_and_gradients(string name)
    {
        var (tensors, metadata) = SafeTensors.Load(Golden(name));
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
        var model = new TrajectoryGnn(config, new Generator(1));
        var state = tensors.Where(t => t.Key.StartsWith("param.", StringComparison.Ordinal))
            .ToDictionary(t => t.Key["param.".Length..], t => t.Value.ToTensor());
        Assert.Equal(state.Keys.Order(StringComparer.Ordinal), model.StateDict().Keys.Order(StringComparer.Ordinal));
        model.LoadStateDict(state);

        var frames = tensors["input.frames"].ToTensor().RequireGrad();
        var sizes = tensors["input.scene_sizes"].ToIndexTensor().ToArray();
        var graph = SceneGraph.FullyConnected(sizes);
        var output = model.Forward(frames, tensors["input.positions"].ToTensor(), tensors["input.velocity"].ToTensor(), graph);
        var outputs = new Dictionary<string, Tensor> { ["means"] = output.Means, ["coverage"] = output.CoverageLogit };
        if (output.IsMixture)
        {
            outputs["log_sigma"] = output.LogSigma!;
            outputs["logits"] = output.ModeLogits!;
        }
        Tensor? loss = null;
        foreach (var (key, value) in outputs)
        {
            AssertClose(tensors[$"output.{key}"].ToTensor(), value, key);
            var term = (value * tensors[$"upstream.{key}"].ToTensor()).Sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.Backward();
        AssertClose(tensors["grad.input.frames"].ToTensor(), frames.Grad!, "d/d frames");
        // Inference (NoGrad) splits the edge MLP's first Linear by input block: the same outputs.
        using (Lib.Tensors.Autograd.GradMode.NoGrad())
        {
            var inferred = model.Forward(frames, tensors["input.positions"].ToTensor(), tensors["input.velocity"].ToTensor(), graph);
            AssertClose(tensors["output.means"].ToTensor(), inferred.Means, "means (NoGrad)");
            AssertClose(tensors["output.coverage"].ToTensor(), inferred.CoverageLogit, "coverage (NoGrad)");
            if (inferred.IsMixture)
            {
                AssertClose(tensors["output.log_sigma"].ToTensor(), inferred.LogSigma!, "log_sigma (NoGrad)");
                AssertClose(tensors["output.logits"].ToTensor(), inferred.ModeLogits!, "logits (NoGrad)");
            }
        }
        foreach (var (key, parameter) in model.NamedParameters())
            AssertClose(tensors[$"grad.param.{key}"].ToTensor(), parameter.Grad!, $"d/d {key}");
    }

    [Fact]
    public void An_untrained_deterministic_model_is_the_constant_velocity_baseline()
    {
        var model = new TrajectoryGnn(new TrajectoryGnnConfig { NodeFeatures = 4, Hidden = 8, Horizon = 5 }, new Generator(2));
        var graph = SceneGraph.FullyConnected([3, 2]);
        var velocity = Tensor.FromArray([1f, 0f, 0f, -2f, 0.5f, 0.5f, 0f, 0f, 3f, 1f], 5, 2);
        var output = model.Forward(Tensor.Randn(new Generator(3), 5, 10, 4), Tensor.Rand(new Generator(4), 5, 2), velocity, graph);
        Assert.Equal([5, 1, 5, 2], output.Means.Shape);
        Assert.Equal([2], output.CoverageLogit.Shape);
        for (int node = 0; node < 5; node++)
            for (int step = 0; step < 5; step++)
                for (int c = 0; c < 2; c++)
                    Assert.Equal(velocity.Data[node * 2 + c] * (step + 1), output.Means.Data[(node * 5 + step) * 2 + c], 5);
    }

    [Fact]
    public void The_mixture_has_K_modes_per_node_and_wrong_shapes_are_named()
    {
        var config = new TrajectoryGnnConfig { NodeFeatures = 4, Hidden = 8, Horizon = 5, Modes = 6 };
        var model = new TrajectoryGnn(config, new Generator(5));
        var graph = SceneGraph.FullyConnected([23, 23]);
        var output = model.Forward(Tensor.Zeros(46, 10, 4), Tensor.Zeros(46, 2), Tensor.Zeros(46, 2), graph);
        Assert.Equal([46, 6, 5, 2], output.Means.Shape);
        Assert.Equal([46, 6, 5, 2], output.LogSigma!.Shape);
        Assert.Equal([46, 6], output.ModeLogits!.Shape);
        Assert.Equal(2 * 23 * 22, graph.Edges);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(Tensor.Zeros(46, 10, 3), Tensor.Zeros(46, 2), Tensor.Zeros(46, 2), graph));
        Assert.Contains("frames must be [46, T, 4]", error.Message);
        Assert.Contains("positions must be [46, 2]", Assert.Throws<ArgumentException>(() => model.Forward(Tensor.Zeros(46, 10, 4), Tensor.Zeros(45, 2), Tensor.Zeros(46, 2), graph)).Message);
        Assert.Throws<ArgumentException>(() => new TrajectoryGnn(config with { Modes = 1 }, new Generator(1)));
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.NumEl; i++)
            Assert.True(
                Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-4f * (1 + Math.Abs(expected.Data[i])),
                $"{what}[{i}]: PyTorch {expected.Data[i]:G9}, engine {actual.Data[i]:G9}"
            );
    }
}
