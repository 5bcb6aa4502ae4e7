using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Torch.Paragliding;
using Lib.Workflow;
using Xunit.Abstractions;

namespace Lib.Torch.Tests.Paragliding;

/// <summary>The bundled paragliding data (<c>data/paragliding</c>) as the train step reads it, built once.</summary>
public sealed class GlideatorFitData : IDisposable
{
    private readonly TempFolder _dir = new();

    public GlideatorFitData() =>
        Data = ParaglidingDatasetStep.Run(Path.Combine(RepoPaths.Data, "paragliding"), Path.Combine(_dir.Path, "shards"));

    public ParaglidingData Data { get; }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// <see cref="TorchGlideatorFit"/> against <see cref="GlideatorTrainer.Engine"/> on the bundled site-days: the same
/// seeded run (3 epochs, the per-epoch exponential schedule, the monotonicity, L1 and L2 terms on) follows the same
/// losses, auxiliary terms and validation metrics on either side, for both heads; a run resumed on the twin from its
/// last checkpoint equals the uninterrupted one.
/// </summary>
public class GlideatorFitTests(GlideatorFitData data, ITestOutputHelper log) : IClassFixture<GlideatorFitData>
{
    private static readonly ParaglidingTrainOptions Small = new()
    {
        Epochs = 3,
        Patience = 5,
        Seed = 2,
        Prefetch = 0,
        L1 = 1e-4,
        L2 = 1e-3,
    };

    static GlideatorFitTests() => TorchSharp.torch.set_num_threads(1);

    [Theory]
    [InlineData(GlideatorNetConfig.MultilabelHead)]
    [InlineData(GlideatorNetConfig.OrdinalHead)]
    public void The_twin_trains_as_the_engine_does(string head)
    {
        var options = Small with { Head = head };
        var engine = GlideatorTrainer.Train(data.Data, options);
        var twin = GlideatorTrainer.Train(data.Data, options, fit: TorchGlideatorFit.On(ComputeDevice.TorchCpu));
        Assert.Contains("train_l2", engine.History.Epochs[0].Metrics.Keys);
        Assert.True(engine.History.LearningRates[2] < engine.History.LearningRates[0], "the schedule decays");
        FitParity.Close(engine.History, twin.History, 1e-4, head, log);
        Assert.Equal("torch-cpu", twin.Model.Card.Training.Options["device"]);
    }

    [Fact]
    public void A_twin_run_resumed_from_its_last_checkpoint_equals_the_uninterrupted_run()
    {
        using var dir = new TempFolder();
        var fit = TorchGlideatorFit.On(ComputeDevice.TorchCpu);
        var whole = GlideatorTrainer.Train(data.Data, Small, fit: fit, checkpoints: Path.Combine(dir.Path, "whole"));
        var folder = Path.Combine(dir.Path, "parts");
        GlideatorTrainer.Train(data.Data, Small with { Epochs = 2 }, fit: fit, checkpoints: folder);
        var resumed = GlideatorTrainer.Train(data.Data, Small, fit: fit, checkpoints: folder, resumeFrom: "last");
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
