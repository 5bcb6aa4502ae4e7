using System.Text.Json;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Tensors;
using Lib.Tensors.IO;

namespace Lib.Tests.Paragliding;

/// <summary>
/// The model against real PyTorch: <c>tests/fixtures/torch/glideator_golden.py</c> rebuilds Glideator's network with
/// the lab's keys (three weather slices, both heads) and stores inputs, weights, logits, the full loss (BCE +
/// monotonicity + L1 + L2) and every parameter's gradient in <c>tests/fixtures/paragliding</c>.
/// </summary>
public sealed class GlideatorGoldenTests
{
    [Theory]
    [InlineData("multilabel")]
    [InlineData("ordinal")]
    public void LogitsLossAndGradientsMatchPyTorch(string head)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "paragliding", $"glideator_net_{head}.safetensors");
        var (tensors, metadata) = SafeTensors.Load(path);
        using var config = JsonDocument.Parse(metadata["config"]);
        using var lambdas = JsonDocument.Parse(metadata["lambdas"]);
        var c = config.RootElement;
        int[] Widths(string name) => [.. c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];
        var net = new GlideatorNet(
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
            },
            new Generator(0)
        );
        net.LoadStateDict(
            tensors.Where(t => t.Key.StartsWith("param.", StringComparison.Ordinal)).ToDictionary(t => t.Key[6..], t => t.Value.ToTensor())
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
        var logits = net.Forward(batch);
        Close(tensors["out.logits"].ToTensor(), logits, "logits");
        var step = GlideatorLoss.Step(logits, batch.Labels, net.Parameters(), options);
        var loss = step.Auxiliary!.Values.Aggregate(step.Loss, (a, b) => a + b);
        Close(tensors["out.loss"].ToTensor(), loss.Reshape(1), "loss");
        loss.Backward();
        foreach (var (name, p) in net.NamedParameters())
            Close(tensors[$"grad.{name}"].ToTensor(), p.Grad!, $"grad.{name}");
    }

    private static void Close(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.NumEl; i++)
            Assert.True(
                Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-4f * (1 + Math.Abs(expected.Data[i])),
                $"{what}[{i}]: PyTorch {expected.Data[i]:G9}, engine {actual.Data[i]:G9}"
            );
    }
}
