using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Training;
using Lib.Torch.Training;
using TorchSharp;
using EngineAdamW = Lib.Tensors.Optim.AdamW;
using EngineF = Lib.Tensors.NN.Functional;

namespace Lib.Torch.Tests.Training;

public class TorchTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-torch-trainer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>y = 2·x0 − x1 + 0.5 + noise, 48 samples; batches of engine tensors [x, y].</summary>
    private static DataLoader<int, Tensor[]> Loader(bool shuffle, long seed = 5)
    {
        var g = new Generator(3);
        var x = Tensor.Randn(g, 48, 2).ToArray();
        var noise = Tensor.Randn(g, 48).ToArray();
        var y = Enumerable.Range(0, 48).Select(i => 2 * x[2 * i] - x[2 * i + 1] + 0.5f + 0.1f * noise[i]).ToArray();
        return new DataLoader<int, Tensor[]>(
            new ListDataset<int>([.. Enumerable.Range(0, 48)]),
            idx =>
            [
                Tensor.FromArray([.. idx.SelectMany(i => new[] { x[2 * i], x[2 * i + 1] })], idx.Count, 2),
                Tensor.FromArray([.. idx.Select(i => y[i])], idx.Count, 1),
            ],
            batchSize: 8,
            shuffle: shuffle,
            generator: shuffle ? new Generator(seed) : null,
            prefetch: 0
        );
    }

    private static torch.Tensor Loss(torch.nn.Module<torch.Tensor, torch.Tensor> twin, Tensor[] b)
    {
        using var x = TorchState.ToTorch(b[0]);
        using var y = TorchState.ToTorch(b[1]);
        return torch.nn.functional.mse_loss(twin.forward(x), y);
    }

    private (TorchTrainer<Tensor[]> Trainer, torch.nn.Module<torch.Tensor, torch.Tensor> Twin) Make(
        int epochs,
        string? checkpoints
    )
    {
        var engine = new Linear(2, 1, new Generator(11));
        var twin = torch.nn.Linear(2, 1);
        TorchState.CopyToTorch(engine, twin);
        var optimizer = TorchOptimizers.Mirror(new EngineAdamW(engine.Parameters(), lr: 0.05), engine, twin);
        var trainer = new TorchTrainer<Tensor[]>(twin, optimizer, b => Loss(twin, b))
        {
            MaxEpochs = epochs,
            ValidationStep = b =>
            {
                using var loss = Loss(twin, b);
                return new Dictionary<string, double> { ["val_loss"] = loss.item<float>() };
            },
            Checkpoints = checkpoints is null ? null : new CheckpointOptions(checkpoints) { Monitor = "val_loss" },
            ClipGradients = ps => torch.nn.utils.clip_grad_norm_(ps, 1.0),
            SchedulerInterval = SchedulerInterval.Epoch,
        };
        trainer.Scheduler = torch.optim.lr_scheduler.StepLR(trainer.Optimizer, 3, 0.5);
        return (trainer, twin);
    }

    [Fact]
    public void TrainingLowersTheLossAndWritesCheckpointsThatLoadIntoTheEngineModel()
    {
        var (trainer, twin) = Make(6, _dir);
        var history = trainer.Fit(Loader(shuffle: true), Loader(shuffle: false));
        Assert.Equal(6, history.Epochs.Count);
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0] / 2, string.Join(", ", history.TrainLoss));
        Assert.True(File.Exists(Path.Combine(_dir, "last.safetensors")));
        Assert.True(File.Exists(Path.Combine(_dir, "best.safetensors")));
        Assert.Equal(36, history.Epochs[^1].Step);

        var engine = new Linear(2, 1, new Generator(99));
        var checkpoint = TrainingCheckpoint.LoadModel(Path.Combine(_dir, "last.safetensors"), engine);
        Assert.Equal(5, checkpoint.Epoch);
        Assert.Contains("0.0.exp_avg", checkpoint.OptimizerState.Keys);
        var x = Tensor.FromArray([0.3f, -1.2f, 2f, 0.5f], 2, 2);
        using var input = TorchState.ToTorch(x);
        using var expected = twin.forward(input);
        var e = expected.data<float>().ToArray();
        var a = engine.Call(x).ToArray();
        for (int i = 0; i < e.Length; i++)
            Assert.Equal(e[i], a[i], 1e-6f);
    }

    [Fact]
    public void AResumedRunMatchesAnUninterruptedOne()
    {
        var full = Path.Combine(_dir, "full");
        var (trainer, twin) = Make(5, full);
        var uninterrupted = trainer.Fit(Loader(shuffle: true), Loader(shuffle: false));
        var expected = TorchState.StateDict(twin)["weight"].ToArray();

        var split = Path.Combine(_dir, "split");
        var (first, _) = Make(2, split);
        first.Fit(Loader(shuffle: true), Loader(shuffle: false));
        var (second, resumedTwin) = Make(5, split);
        var resumed = second.Fit(Loader(shuffle: true, seed: 77), Loader(shuffle: false), resumeFrom: "last");

        Assert.Equal(5, resumed.Epochs.Count);
        for (int i = 0; i < 5; i++)
            Assert.Equal(uninterrupted.TrainLoss[i], resumed.TrainLoss[i], 1e-6);
        Assert.Equal(uninterrupted.LearningRates, resumed.LearningRates);
        var actual = TorchState.StateDict(resumedTwin)["weight"].ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-6f);
    }

    [Fact]
    public void TheTwinTrainsAsTheEngineDoesWithTheSameOptimizer()
    {
        var engine = new Linear(2, 1, new Generator(11));
        var twin = torch.nn.Linear(2, 1);
        TorchState.CopyToTorch(engine, twin);
        var engineOptimizer = new EngineAdamW(engine.Parameters(), lr: 0.05, weightDecay: 0.1);
        var torchOptimizer = TorchOptimizers.Mirror(engineOptimizer, engine, twin);
        var engineHistory = new Trainer<Tensor[]>(engine, engineOptimizer, b => EngineF.MseLoss(engine.Call(b[0]), b[1]))
        {
            MaxEpochs = 3,
        }.Fit(Loader(shuffle: false));
        var torchHistory = new TorchTrainer<Tensor[]>(twin, torchOptimizer, b => Loss(twin, b)) { MaxEpochs = 3 }.Fit(
            Loader(shuffle: false)
        );
        for (int i = 0; i < 3; i++)
            Assert.Equal(engineHistory.TrainLoss[i], torchHistory.TrainLoss[i], 1e-5);
        var e = engine.StateDict();
        foreach (var (key, value) in TorchState.StateDict(twin))
        {
            var ev = e[key].ToArray();
            var tv = value.ToArray();
            for (int i = 0; i < ev.Length; i++)
                Assert.Equal(ev[i], tv[i], 1e-5f);
        }
    }

    [Fact]
    public void MixedPrecisionIsRefusedWithTheReason()
    {
        var (trainer, _) = Make(1, null);
        trainer.ValidationStep = null;
        trainer.Precision = "16-mixed";
        var onCpu = Assert.Throws<ArgumentException>(() => trainer.Fit(Loader(shuffle: false)));
        Assert.Contains("--device cuda", onCpu.Message);
        trainer.Precision = "bf16-mixed"; // allowed on the CPU, but only with a working copy
        var noCopy = Assert.Throws<InvalidOperationException>(() => trainer.Fit(Loader(shuffle: false)));
        Assert.Contains("set Mixed", noCopy.Message);
        Assert.Equal("32", TorchPrecision.Validate("32-true", DeviceType.CPU));
    }
}
