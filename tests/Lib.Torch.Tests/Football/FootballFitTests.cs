using Lib.Football.Dataset;
using Lib.Football.Train;
using Lib.Torch.Football;
using Lib.Workflow;
using Xunit.Abstractions;

namespace Lib.Torch.Tests.Football;

/// <summary>The bundled football data (<c>data/football</c>) as the train step reads it, built once.</summary>
public sealed class FootballFitData : IDisposable
{
    private readonly TempFolder _dir = new();

    public FootballFitData() =>
        Data = FootballDatasetStep.Run(Path.Combine(RepoPaths.Data, "football"), Path.Combine(_dir.Path, "cache"));

    public FootballData Data { get; }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// <see cref="TorchFootballFit"/> against <see cref="FootballTrainer.Engine"/>: the same tiny seeded run (96 real
/// training samples, 3 epochs, the velocity, acceleration and coverage terms on, gradient clipping) follows the same
/// losses and validation metrics on either side, and a run resumed from its last checkpoint on the twin equals the
/// uninterrupted one.
/// </summary>
public class FootballFitTests(FootballFitData data, ITestOutputHelper log) : IClassFixture<FootballFitData>
{
    private static readonly FootballTrainOptions Tiny = new()
    {
        MaxTrainSamples = 96,
        BatchSize = 16,
        MaxEpochs = 3,
        Hidden = 16,
        Layers = 1,
        Patience = 5,
        SaveTopK = 1,
        LearningRate = 3e-3,
        Seed = 4,
    };

    static FootballFitTests() => TorchSharp.torch.set_num_threads(1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_twin_trains_as_the_engine_does(bool probabilistic)
    {
        var options = Tiny with { Probabilistic = probabilistic };
        Assert.True(options.VelocityWeight > 0 && options.CoverageWeight > 0, "the auxiliary terms should be on");
        using var dir = new TempFolder();
        var engine = FootballTrainer.Train(data.Data, options, Path.Combine(dir.Path, "engine"));
        var twin = FootballTrainer.Train(
            data.Data,
            options,
            Path.Combine(dir.Path, "twin"),
            fit: TorchFootballFit.On(ComputeDevice.TorchCpu)
        );
        Assert.Contains("train_coverage", engine.History.Epochs[0].Metrics.Keys);
        FitParity.Close(engine.History, twin.History, 1e-4, probabilistic ? "mixture" : "trajectory", log);
        Assert.Equal("torch-cpu", twin.Model.Card.Training.Options["device"]);
        Assert.True(File.Exists(Path.Combine(dir.Path, "twin", "best.safetensors")));
        Assert.Single(twin.TopK);
    }

    [Fact]
    public void A_twin_run_resumed_from_its_last_checkpoint_equals_the_uninterrupted_run()
    {
        using var dir = new TempFolder();
        var fit = TorchFootballFit.On(ComputeDevice.TorchCpu);
        var whole = FootballTrainer.Train(data.Data, Tiny, Path.Combine(dir.Path, "whole"), fit: fit);
        var folder = Path.Combine(dir.Path, "parts");
        FootballTrainer.Train(data.Data, Tiny with { MaxEpochs = 2 }, folder, fit: fit);
        var resumed = FootballTrainer.Train(data.Data, Tiny, folder, resumeFrom: "last", fit: fit);
        FitParity.Resumed(whole.History, resumed.History, log);
        Parity.Close(
            whole.Model.Network.Parameters().SelectMany(p => p.ToArray()).ToArray(),
            resumed.Model.Network.Parameters().SelectMany(p => p.ToArray()).ToArray(),
            1e-6,
            "weights",
            log
        );
    }
}
