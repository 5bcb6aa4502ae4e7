using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Training;
using Lib.Torch.Track;
using Lib.Torch.Training;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using TorchSharp;
using Xunit.Abstractions;

namespace Lib.Torch.Tests.Track;

/// <summary>The bundled track data, cached once for the parity tests: real windows of the men's histories.</summary>
public sealed class TrackParityData : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-torch-track-").FullName;

    public TrackParityData()
    {
        var data = TrackCacheStep.Run(new TrackCacheRequest(RepoPaths.Data, Path.Combine(_dir, "cache")));
        var config = new TrackModelConfig();
        var windows = Windows.Build(data.Of(Gender.Men), config.Seasons);
        var scales = EventScales.Fit(windows);
        Events = [.. scales.Keys.Order(StringComparer.Ordinal)];
        var encoder = new WindowEncoder(Events, scales, config.MarksPerSeason, config.Residual);
        // every 7th window: varied season counts and lengths, 64 windows
        Samples = [.. windows.Where((_, i) => i % 7 == 0).Take(64).Select(encoder.Encode)];
    }

    public IReadOnlyList<string> Events { get; }

    public IReadOnlyList<WindowSample> Samples { get; }

    public string Temp => _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public class TrackParityTests(TrackParityData data, ITestOutputHelper log) : IClassFixture<TrackParityData>
{
    private TrackBatch Batch(TrackModelConfig config) => TrackBatch.Collate(data.Samples, config.Seasons);

    private (HierarchicalLstm Engine, HierarchicalLstmTwin Twin) Pair(TrackModelConfig config, int seed)
    {
        var engine = new HierarchicalLstm(config, data.Events.Count, new Generator(seed));
        Parity.Randomise(engine, seed + 1);
        return (engine, HierarchicalLstmTwin.Of(engine));
    }

    [Theory]
    [InlineData(HeadKind.LayerNormLinear, true)]
    [InlineData(HeadKind.Mlp32, false)]
    [InlineData(HeadKind.Mlp32, true)]
    [InlineData(HeadKind.Linear, false)]
    public void TheSameWeightsGiveTheSameForecasts(HeadKind head, bool shared)
    {
        var config = new TrackModelConfig { Head = head, SharedHead = shared };
        var (engine, twin) = Pair(config, 3);
        var batch = Batch(config);
        Assert.True(batch.MarkLengths.Data.ToArray().Distinct().Count() > 3, "the batch should have ragged seasons");
        Assert.True(batch.SeasonCounts.Data.ToArray().Distinct().Count() > 1, "and ragged histories");
        engine.Eval();
        twin.eval();
        var expected = engine.Forward(batch).ToArray();
        using var _ = torch.no_grad();
        using var input = TorchTrackBatch.From(batch, torch.CPU);
        using var output = twin.forward(input);
        Parity.Close(expected, Parity.Values(output), 1e-5, $"forecasts ({head}, shared={shared})", log);
    }

    [Fact]
    public void OneTrainingStepGivesTheSameLossAndGradients()
    {
        var config = new TrackModelConfig { Dropout = 0f, Head = HeadKind.Mlp32, SharedHead = true };
        var (engine, twin) = Pair(config, 5);
        var batch = Batch(config);
        engine.Train();
        twin.train();
        var engineLoss = Functional.L1Loss(engine.Forward(batch), batch.Target);
        engineLoss.Backward();
        using var input = TorchTrackBatch.From(batch, torch.CPU);
        using var loss = torch.nn.functional.l1_loss(twin.forward(input), input.Target);
        loss.backward();
        log.WriteLine($"loss: engine {engineLoss.Item():R}, twin {loss.item<float>():R}");
        Assert.Equal(engineLoss.Item(), loss.item<float>(), 1e-5);
        Parity.GradientsClose(engine, twin, 1e-4, log);
    }

    [Fact]
    public void ACheckpointTrainedOnTheTwinPredictsTheSameOnTheEngine()
    {
        var config = new TrackModelConfig { Dropout = 0.1f };
        var (engine, twin) = Pair(config, 7);
        var loader = new DataLoader<WindowSample, TrackBatch>(
            new ListDataset<WindowSample>([.. data.Samples]),
            b => TrackBatch.Collate(b, config.Seasons),
            16,
            shuffle: true,
            generator: new Generator(1),
            prefetch: 0
        );
        var optimizer = TorchOptimizers.Mirror(
            new Lib.Tensors.Optim.AdamW(engine.Parameters(), lr: 3e-3),
            engine,
            twin
        );
        var folder = Path.Combine(data.Temp, "twin-run");
        var trainer = new TorchTrainer<TrackBatch>(twin, optimizer, b =>
        {
            var t = TorchTrackBatch.From(b, torch.CPU);
            return torch.nn.functional.l1_loss(twin.forward(t), t.Target);
        })
        {
            MaxEpochs = 2,
            Checkpoints = new CheckpointOptions(folder),
        };
        var history = trainer.Fit(loader);
        Assert.Equal(2, history.Epochs.Count);

        var fresh = new HierarchicalLstm(config, data.Events.Count, new Generator(99));
        TrainingCheckpoint.LoadModel(Path.Combine(folder, "last.safetensors"), fresh);
        var batch = Batch(config);
        fresh.Eval();
        twin.eval();
        var onEngine = fresh.Forward(batch).ToArray();
        using var _ = torch.no_grad();
        using var input = TorchTrackBatch.From(batch, torch.CPU);
        using var onTwin = twin.forward(input);
        Parity.Close(onEngine, Parity.Values(onTwin), 1e-5, "forecasts of the twin-trained checkpoint", log);

        // and back: the engine's weights (as a model folder would hold them) load into a new twin
        var again = new HierarchicalLstmTwin(config, data.Events.Count);
        TorchState.CopyToTorch(fresh, again);
        again.eval();
        using var back = again.forward(input);
        Parity.Close(onEngine, Parity.Values(back), 1e-6, "forecasts of a twin loaded from the engine", log);
    }
}
