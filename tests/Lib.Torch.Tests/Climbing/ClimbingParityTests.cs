using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Training;
using Lib.Torch.Climbing;
using Lib.Torch.Training;
using TorchSharp;
using Xunit.Abstractions;

namespace Lib.Torch.Tests.Climbing;

/// <summary>The bundled climbing data, ingested and tokenised once: 64 real routes of the training split.</summary>
public sealed class ClimbingParityData : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-torch-climbing-").FullName;

    public ClimbingParityData()
    {
        var data = ClimbingDatasetStep.Run(Path.Combine(RepoPaths.Data, "climbing"), Path.Combine(_dir, "cache"));
        var train = data.Split(SplitName.Train);
        Routes = [.. train.Where((_, i) => i % Math.Max(1, train.Count / 64) == 0).Take(64)];
        VocabSize = data.Tokens.Vocabulary.Count;
        Mean = train.Average(r => r.Difficulty);
        Std = Math.Sqrt(train.Average(r => (r.Difficulty - Mean) * (r.Difficulty - Mean)));
    }

    public IReadOnlyList<TokenizedRoute> Routes { get; }

    public int VocabSize { get; }

    public double Mean { get; }

    public double Std { get; }

    public string Temp => _dir;

    public RouteBatch Batch() => RouteBatch.Collate(Routes, Mean, Std);

    public GradeTransformerConfig Config(int dModel, int heads, int layers, int ff, float dropout = 0.1f) =>
        new()
        {
            VocabSize = VocabSize,
            FeatureCount = RouteTokenizer.FeatureCount,
            MaxLength = Math.Max(64, Routes.Max(r => r.Length)),
            DModel = dModel,
            NHead = heads,
            NumLayers = layers,
            DimFeedforward = ff,
            Dropout = dropout,
        };

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public class ClimbingParityTests(ClimbingParityData data, ITestOutputHelper log) : IClassFixture<ClimbingParityData>
{
    private static (GradeTransformer Engine, GradeTransformerTwin Twin) Pair(GradeTransformerConfig config, int seed)
    {
        var engine = new GradeTransformer(config, new Generator(seed));
        return (engine, GradeTransformerTwin.Of(engine));
    }

    [Theory]
    [InlineData(128, 4, 4, 256, "gelu")] // the shipped default
    [InlineData(32, 2, 2, 64, "relu")]
    public void TheSameWeightsGiveTheSameGrades(int dModel, int heads, int layers, int ff, string activation)
    {
        var config = data.Config(dModel, heads, layers, ff) with { Activation = activation };
        var (engine, twin) = Pair(config, 3);
        var batch = data.Batch();
        Assert.True(batch.Mask.ToArray().Contains(0f), "the batch should have padded routes");
        engine.Eval();
        twin.eval();
        var expected = engine.Forward(batch.Ids, batch.Features, batch.Mask).ToArray();
        using var _ = torch.no_grad();
        using var input = TorchRouteBatch.From(batch, torch.CPU);
        using var output = twin.forward(input);
        Parity.Close(expected, Parity.Values(output), 1e-5, $"grades (d={dModel}, {layers} layers)", log);
    }

    [Fact]
    public void OneTrainingStepGivesTheSameLossAndGradients()
    {
        var config = data.Config(32, 2, 2, 64, dropout: 0f);
        var (engine, twin) = Pair(config, 5);
        var batch = data.Batch();
        engine.Train();
        twin.train();
        var engineLoss = Functional.MseLoss(engine.Forward(batch.Ids, batch.Features, batch.Mask), batch.Target);
        engineLoss.Backward();
        using var input = TorchRouteBatch.From(batch, torch.CPU);
        using var loss = torch.nn.functional.mse_loss(twin.forward(input), input.Target);
        loss.backward();
        log.WriteLine($"loss: engine {engineLoss.Item():R}, twin {loss.item<float>():R}");
        Assert.Equal(engineLoss.Item(), loss.item<float>(), 1e-5);
        Parity.GradientsClose(engine, twin, 1e-4, log);
    }

    [Fact]
    public void ACheckpointTrainedOnTheTwinPredictsTheSameOnTheEngine()
    {
        var config = data.Config(32, 2, 1, 64);
        var (engine, twin) = Pair(config, 7);
        var loader = new DataLoader<TokenizedRoute, RouteBatch>(
            new ListDataset<TokenizedRoute>([.. data.Routes]),
            b => RouteBatch.Collate(b, data.Mean, data.Std),
            16,
            shuffle: true,
            generator: new Generator(1),
            prefetch: 0
        );
        var optimizer = TorchOptimizers.Mirror(
            new Lib.Tensors.Optim.AdamW(engine.Parameters(), lr: 1e-3),
            engine,
            twin
        );
        var folder = Path.Combine(data.Temp, "twin-run");
        var trainer = new TorchTrainer<RouteBatch>(twin, optimizer, b =>
        {
            var t = TorchRouteBatch.From(b, torch.CPU);
            return torch.nn.functional.mse_loss(twin.forward(t), t.Target);
        })
        {
            MaxEpochs = 2,
            Checkpoints = new CheckpointOptions(folder),
        };
        trainer.Fit(loader);

        var fresh = new GradeTransformer(config, new Generator(99));
        TrainingCheckpoint.LoadModel(Path.Combine(folder, "last.safetensors"), fresh);
        var batch = data.Batch();
        fresh.Eval();
        twin.eval();
        var onEngine = fresh.Forward(batch.Ids, batch.Features, batch.Mask).ToArray();
        using var _ = torch.no_grad();
        using var input = TorchRouteBatch.From(batch, torch.CPU);
        using var onTwin = twin.forward(input);
        Parity.Close(onEngine, Parity.Values(onTwin), 1e-5, "grades of the twin-trained checkpoint", log);
    }
}
