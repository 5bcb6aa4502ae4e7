using Lib.Tensors.Autograd;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public sealed class TopKCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-topk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly double[] Script = [5, 3, 4, 1, 2, 6];

    /// <summary>A run whose validation metric <c>score</c> is <see cref="Script"/>[epoch].</summary>
    private Trainer<Tensor[]> Make(string dir, int maxEpochs, int topK, MetricMode mode = MetricMode.Min)
    {
        var model = new LinearRegression(new Generator(1), 2);
        return new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b => LinearRegression.Mse(model.Call(b[0]), b[1]))
        {
            MaxEpochs = maxEpochs,
            Validate = loader => new Dictionary<string, double> { ["score"] = Script[loader.Epoch] },
            Checkpoints = new CheckpointOptions(dir) { Monitor = "score", Mode = mode, SaveTopK = topK },
        };
    }

    private static TrainingHistory Fit(Trainer<Tensor[]> trainer, string? resumeFrom = null)
    {
        var data = TinyData.Make(16, 2);
        return trainer.Fit(TinyData.Loader(data, 8, null), TinyData.Loader(data, 8, null), resumeFrom);
    }

    private static string[] Files(string dir) => [.. Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void The_k_best_epochs_keep_files_named_by_epoch_and_metric_and_worse_ones_are_deleted()
    {
        var trainer = Make(_dir, 6, topK: 2);
        Fit(trainer);

        Assert.Equal(["best.safetensors", "epoch=3-score=1.safetensors", "epoch=4-score=2.safetensors", "last.safetensors"], Files(_dir));
        Assert.Equal([(3, 1.0), (4, 2.0)], trainer.TopCheckpoints.Select(r => (r.Epoch, r.Value)));
        var third = TrainingCheckpoint.Load(trainer.TopCheckpoints[0].Path);
        Assert.Equal(3, third.Epoch);
        Assert.Equal(1.0, third.Metrics["score"]);
        Assert.Equal(4, TrainingCheckpoint.Load(Path.Combine(_dir, "epoch=4-score=2.safetensors")).Epoch);
    }

    [Fact]
    public void Max_mode_keeps_the_highest_and_minus_one_keeps_every_epoch()
    {
        var max = Make(_dir, 6, topK: 1, mode: MetricMode.Max);
        Fit(max);
        Assert.Equal(["best.safetensors", "epoch=5-score=6.safetensors", "last.safetensors"], Files(_dir));

        var allDir = Directory.CreateDirectory(Path.Combine(_dir, "all")).FullName;
        var all = Make(allDir, 6, topK: -1);
        Fit(all);
        Assert.Equal(8, Files(allDir).Length);
        Assert.Equal([3, 4, 1, 2, 0, 5], all.TopCheckpoints.Select(r => r.Epoch));
    }

    [Fact]
    public void A_resumed_run_continues_the_ranking_and_ends_with_the_files_of_an_uninterrupted_one()
    {
        var first = Make(_dir, 4, topK: 2); // epochs 0–3: keeps epoch 3 (1) and epoch 1 (3)
        Fit(first);
        Assert.Equal(["best.safetensors", "epoch=1-score=3.safetensors", "epoch=3-score=1.safetensors", "last.safetensors"], Files(_dir));

        var resumed = Make(_dir, 6, topK: 2);
        Fit(resumed, resumeFrom: "last");
        var whole = Directory.CreateDirectory(Path.Combine(_dir, "whole")).FullName;
        Fit(Make(whole, 6, topK: 2));

        Assert.Equal(Files(whole), Files(_dir));
        Assert.Equal([3, 4], resumed.TopCheckpoints.Select(r => r.Epoch));
        Assert.Equal(_dir, Path.GetDirectoryName(resumed.TopCheckpoints[0].Path));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(-2, "score")]
    public void SaveTopK_without_a_monitor_or_below_minus_one_is_refused(int topK, string? monitor)
    {
        var trainer = Make(_dir, 2, topK);
        trainer.Checkpoints = trainer.Checkpoints! with { Monitor = monitor };
        var e = Assert.Throws<InvalidOperationException>(() => Fit(trainer));
        Assert.Contains($"CheckpointOptions.SaveTopK is {topK}", e.Message);
    }
}
