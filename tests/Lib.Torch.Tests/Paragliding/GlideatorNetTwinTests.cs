using System.Text.Json;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.IO;
using Lib.Tensors.NN;
using Lib.Torch.Paragliding;
using TorchSharp;

namespace Lib.Torch.Tests.Paragliding;

/// <summary>
/// Glideator's network and its twin: same keys, same logits from the same weights (both heads), the same training
/// loss (BCE, monotonicity, L1, L2) and gradients, checkpoints that predict the same on either side, and the twin
/// against the PyTorch 1.13 goldens the engine is tested on.
/// </summary>
public class GlideatorNetTwinTests
{
    /// <summary>The workflow's shape: a few dozen sites, three weather hours, nine thresholds, default widths.</summary>
    private static GlideatorNetConfig Config(string head) =>
        new()
        {
            NumSites = 40,
            SiteFeatures = 6,
            DateFeatures = 4,
            WeatherVariables = 12,
            Head = head,
        };

    private static SiteDayBatch Batch(GlideatorNetConfig c, int size, long seed)
    {
        var g = new Generator(seed);
        var sites = new int[size];
        for (int i = 0; i < size; i++)
            sites[i] = (int)(Tensor.Rand(g, 1).Item() * c.NumSites) % c.NumSites;
        var labels = (Tensor.Rand(g, size, c.NumTargets) - 0.5f).Relu().Sign(); // 0/1
        return new SiteDayBatch(
            IndexTensor.FromArray(sites, size),
            Tensor.Randn(g, size, c.SiteFeatures),
            Tensor.Randn(g, size, c.DateFeatures),
            Tensor.Randn(g, size, 3 * c.WeatherVariables),
            labels
        );
    }

    private static GlideatorNetTwin Twin(GlideatorNet engine)
    {
        var twin = new GlideatorNetTwin(engine.Config);
        TorchState.CopyToTorch(engine, twin);
        return twin;
    }

    [Theory]
    [InlineData(GlideatorNetConfig.MultilabelHead)]
    [InlineData(GlideatorNetConfig.OrdinalHead)]
    public void TheSameWeightsGiveTheSameLogits(string head)
    {
        var engine = new GlideatorNet(Config(head), new Generator(4));
        using var twin = Twin(engine);
        Parity.SameKeys(engine, twin);
        var batch = Batch(engine.Config, 512, 9);
        engine.Eval();
        twin.eval();
        Tensor expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(batch);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        using var b = SiteDayTensors.From(batch);
        Parity.Close(expected, twin.forward(b), "logits");
    }

    [Theory]
    [InlineData(GlideatorNetConfig.MultilabelHead)]
    [InlineData(GlideatorNetConfig.OrdinalHead)]
    public void OneTrainingStepGivesTheSameLossAndGradients(string head)
    {
        var engine = new GlideatorNet(Config(head), new Generator(5));
        using var twin = Twin(engine);
        var options = new ParaglidingTrainOptions
        {
            Monotonicity = 0.5,
            L1 = 1e-4,
            L2 = 1e-3,
        };
        var batch = Batch(engine.Config, 256, 10);
        var step = GlideatorLoss.Step(engine.Forward(batch), batch.Labels, engine.Parameters(), options);
        var loss = step.Auxiliary!.Values.Aggregate(step.Loss, (a, t) => a + t);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        using var b = SiteDayTensors.From(batch);
        var torchLoss = GlideatorLossTwin.Total(twin.forward(b), b.Labels, twin.parameters(), options);
        torchLoss.backward();

        Assert.Equal(loss.Item(), torchLoss.item<float>(), 1e-5f * (1 + Math.Abs(loss.Item())));
        Parity.SameGradients(engine, twin);
    }

    [Fact]
    public void ACheckpointTrainedOnEitherSidePredictsTheSameOnTheOther()
    {
        using var dir = new TempFolder();
        var config = Config(GlideatorNetConfig.OrdinalHead);
        var batch = Batch(config, 256, 12);
        var options = new ParaglidingTrainOptions();

        var start = new GlideatorNet(config, new Generator(6));
        using var twin = Twin(start);
        using (var b = SiteDayTensors.From(batch))
        {
            using var adam = torch.optim.Adam(twin.parameters(), 1e-3);
            for (int i = 0; i < 3; i++)
            {
                using var scope = torch.NewDisposeScope();
                adam.zero_grad();
                GlideatorLossTwin.Total(twin.forward(b), b.Labels, twin.parameters(), options).backward();
                adam.step();
            }
        }
        var fromTorch = Path.Combine(dir.Path, "torch.safetensors");
        Checkpoint.Save(fromTorch, TorchState.StateDict(twin));
        var engine = new GlideatorNet(config, new Generator(77));
        Checkpoint.Load(fromTorch, engine);
        AssertSamePrediction(engine, twin, batch);

        var adamEngine = new Lib.Tensors.Optim.Adam(engine.Parameters(), lr: 1e-3);
        for (int i = 0; i < 3; i++)
        {
            adamEngine.ZeroGrad();
            var s = GlideatorLoss.Step(engine.Forward(batch), batch.Labels, engine.Parameters(), options);
            (s.Auxiliary?.Values ?? []).Aggregate(s.Loss, (a, t) => a + t).Backward();
            adamEngine.Step();
        }
        var fromEngine = Path.Combine(dir.Path, "engine.safetensors");
        Checkpoint.Save(fromEngine, engine);
        using var other = new GlideatorNetTwin(config);
        TorchState.LoadInto(other, Checkpoint.LoadTensors(fromEngine).Tensors);
        AssertSamePrediction(engine, other, batch);
    }

    private static void AssertSamePrediction(GlideatorNet engine, GlideatorNetTwin twin, SiteDayBatch batch)
    {
        engine.Eval();
        twin.eval();
        Tensor expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(batch);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        using var b = SiteDayTensors.From(batch);
        Parity.Close(expected, twin.forward(b), "logits");
    }

    [Theory]
    [InlineData("multilabel")]
    [InlineData("ordinal")]
    public void TheTwinMatchesThePyTorchGolden(string head)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "paragliding", $"glideator_net_{head}.safetensors");
        var (tensors, metadata) = SafeTensors.Load(path);
        using var config = JsonDocument.Parse(metadata["config"]);
        using var lambdas = JsonDocument.Parse(metadata["lambdas"]);
        var c = config.RootElement;
        int[] Widths(string name) => [.. c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];
        using var twin = new GlideatorNetTwin(
            new GlideatorNetConfig
            {
                NumSites = c.GetProperty("num_sites").GetInt32(),
                SiteFeatures = c.GetProperty("site_features").GetInt32(),
                DateFeatures = c.GetProperty("date_features").GetInt32(),
                WeatherVariables = c.GetProperty("weather_variables").GetInt32(),
                EmbeddingDim = c.GetProperty("embedding_dim").GetInt32(),
                CrossLayers = c.GetProperty("cross_layers").GetInt32(),
                ParallelDeep = Widths("parallel_deep"),
                Deep = Widths("deep"),
                NumTargets = c.GetProperty("num_targets").GetInt32(),
                Head = head,
            }
        );
        TorchState.LoadInto(
            twin,
            tensors
                .Where(t => t.Key.StartsWith("param.", StringComparison.Ordinal))
                .ToDictionary(t => t.Key[6..], t => t.Value.ToTensor())
        );
        var batch = new SiteDayBatch(
            tensors["input.site"].ToIndexTensor(),
            tensors["input.site_features"].ToTensor(),
            tensors["input.date"].ToTensor(),
            tensors["input.weather"].ToTensor(),
            tensors["input.labels"].ToTensor()
        );
        var options = new ParaglidingTrainOptions
        {
            Monotonicity = lambdas.RootElement.GetProperty("monotonicity").GetDouble(),
            L1 = lambdas.RootElement.GetProperty("l1").GetDouble(),
            L2 = lambdas.RootElement.GetProperty("l2").GetDouble(),
        };
        using var scope = torch.NewDisposeScope();
        using var b = SiteDayTensors.From(batch);
        var logits = twin.forward(b);
        Parity.Close(tensors["out.logits"].ToTensor(), logits, "logits");
        var loss = GlideatorLossTwin.Total(logits, b.Labels, twin.parameters(), options);
        Parity.Close(tensors["out.loss"].ToTensor(), loss.reshape(1), "loss", 1e-4f);
        loss.backward();
        foreach (var (name, p) in twin.named_parameters())
            Parity.Close(tensors[$"grad.{name}"].ToTensor(), p.grad!, $"grad.{name}", 1e-4f);
    }
}
