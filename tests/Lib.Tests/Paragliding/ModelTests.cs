using Lib.Paragliding.Dataset;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Model;
using Lib.Paragliding.Predict;
using Lib.Paragliding.Train;
using Lib.Tensors;
using Lib.Workflow;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class ModelTests(ParaglidingFixture fixture)
{
    private static GlideatorNetConfig Config(int weather, string head = GlideatorNetConfig.MultilabelHead) =>
        new()
        {
            NumSites = 5,
            SiteFeatures = 11,
            DateFeatures = 11,
            WeatherVariables = weather,
            Head = head,
        };

    private static SiteDayBatch Batch(int b, int weather, int seed)
    {
        var g = new Generator(seed);
        var samples = Enumerable
            .Range(0, b)
            .Select(i => new SiteDay(
                $"s{i % 5}",
                i % 5,
                new DateOnly(2017, 5, 1 + i),
                Tensor.Randn(g, 11).ToArray(),
                DateFeatures.Of(new DateOnly(2017, 5, 1 + i)),
                weather == 0 ? [] : Tensor.Randn(g, 3 * weather).ToArray(),
                [1, 1, 0, 0, 0, 0, 0, 0, 0],
                35
            ))
            .ToList();
        return SiteDayBatch.Collate(samples);
    }

    [Theory]
    [InlineData(0, GlideatorNetConfig.MultilabelHead)]
    [InlineData(4, GlideatorNetConfig.MultilabelHead)]
    [InlineData(4, GlideatorNetConfig.OrdinalHead)]
    public void ForwardGivesOneLogitPerThresholdWithGlideatorsKeys(int weather, string head)
    {
        var net = new GlideatorNet(Config(weather, head), new Generator(1));
        var logits = net.Forward(Batch(6, weather, 2));
        Assert.Equal([6, 9], logits.Shape);
        var keys = net.StateDict().Keys.ToList();
        Assert.Contains("launch_embedding.weight", keys);
        Assert.Contains("cross_net.layers.1.weight", keys);
        Assert.Contains("parallel_deep_net.0.weight", keys);
        Assert.Contains("deep_net.2.weight", keys);
        // the cross network reads one slice: weather W + site 11 + embedding 8 + date 11
        Assert.Equal(weather + 30, net.CrossNet.InFeatures);
        // the main deep network reads 1 slice without weather, 3 with
        Assert.Equal((weather == 0 ? 1 : 3) * (weather + 30 + 32), ((Lib.Tensors.NN.Linear)net.DeepNet[0]).InFeatures);
    }

    [Fact]
    public void TheOrdinalHeadNeverRisesOverThresholds()
    {
        var net = new GlideatorNet(Config(0, GlideatorNetConfig.OrdinalHead), new Generator(3));
        var p = net.Forward(Batch(8, 0, 4)).Sigmoid();
        for (int i = 0; i < 8; i++)
            for (int k = 1; k < 9; k++)
                Assert.True(p.Data[i * 9 + k] <= p.Data[i * 9 + k - 1]);
    }

    [Fact]
    public void TheMonotonicityPenaltyCountsOnlyRises()
    {
        var logits = Tensor.FromArray([0f, 1f, -1f, 2f, 1f, 0f], 2, 3);
        // p = σ: row 0 rises 0→1 (0.2311), falls 1→-1; row 1 falls, falls
        double expected = (1 / (1 + Math.Exp(-1)) - 0.5) / 2;
        Assert.Equal(expected, GlideatorLoss.Monotonicity(logits).Item(), 5);
    }

    [Fact]
    public void TheSavedFolderLoadsAndPredictsTheSame()
    {
        var model = fixture.Model;
        var loaded = GlideatorModel.Load(fixture.ModelFolder);
        var samples = fixture.Data.Set.Split(DaySplit.Test).Take(50).ToList();
        Assert.Equal(model.Predict(samples), loaded.Predict(samples));
        Assert.Equal(ThresholdCalibration.Temperature, loaded.Card.Inputs.Calibration!.Method);
        Assert.Equal(9, loaded.Card.Inputs.Calibration.Temperatures.Count);
        Assert.True(Lib.Probabilities.MonotoneThresholds.IsMonotone(loaded.Predict(samples)));
    }

    [Fact]
    public void AFolderOfAnotherFormatIsRefused()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "model.json"), "{\"format\": \"lab.climbing.grade-transformer/2\"}");
        File.WriteAllText(Path.Combine(dir.Path, "model.safetensors"), "");
        var e = Assert.Throws<InvalidDataException>(() => GlideatorModel.Load(dir.Path));
        Assert.Contains(GlideatorModel.Format, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictWritesTheIssuesColumnsAndRefusesUnknownSitesAndBadDates()
    {
        using var dir = new TempDir();
        var pairs = dir.File("pairs.csv", "site_id,date\ncfd01,2017-07-16\ncfd99,2017-07-16\ncfd02,16/07/2017\n");
        var output = Path.Combine(dir.Path, "probs.csv");
        fixture.Model.Save(Path.Combine(dir.Path, "m"));
        var result = ParaglidingPredictStep.Run(Path.Combine(dir.Path, "m"), pairs, output);
        Assert.Single(result.Odds);
        Assert.Equal(2, result.Rejected.Count);
        Assert.Contains("cfd99", result.Rejected.Select(r => r.Reason).Single(r => r.Contains("not trained")), StringComparison.Ordinal);
        Assert.Equal("line 4", result.Rejected.Single(r => r.Reason.Contains("YYYY")).Location);
        var lines = File.ReadAllLines(output);
        Assert.Equal("site_id,date,p_20,p_30,p_40,p_50,p_60,p_70,p_80,p_90,p_100", lines[0]);
        Assert.StartsWith("cfd01,2017-07-16,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheOnnxExportMatchesTheEngineInOnnxRuntime()
    {
        foreach (var (weather, head) in new[] { (0, GlideatorNetConfig.MultilabelHead), (3, GlideatorNetConfig.OrdinalHead) })
        {
            var net = new GlideatorNet(Config(weather, head), new Generator(5));
            net.Eval();
            using var session = new OnnxModelSession(GlideatorNetOnnx.Export(net));
            foreach (int b in new[] { 1, 7 })
            {
                var batch = Batch(b, weather, 6 + b);
                session.Int64("site", batch.Site).Float("site_features", batch.SiteFeatures).Float("date", batch.Date);
                if (weather > 0)
                    session.Float("weather", batch.Weather!);
                OnnxAssert.Close(net.Forward(batch).Sigmoid(), session.Run(GlideatorNetOnnx.Output), i => $"{head} b={b} [{i}]");
            }
        }
    }
}
