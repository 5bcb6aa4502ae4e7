using Lib.Paragliding.Train;
using Lib.Splits.Dataset;
using Lib.Splits.Train;
using Lib.Tensors.IO;
using Lib.Tensors.Training;
using Lib.Torch.Football;
using Lib.Torch.Paragliding;
using Lib.Torch.Splits;
using Lib.Torch.Tests.Football;
using Lib.Torch.Tests.Paragliding;
using Lib.Torch.Tests.Splits;
using Lib.Workflow;
using Xunit.Abstractions;
using FootballTrainOptions = Lib.Football.Train.FootballTrainOptions;
using FootballTrainer = Lib.Football.Train.FootballTrainer;

namespace Lib.Torch.Tests.Training;

/// <summary>
/// bf16-mixed training of the football, paragliding and split-timer twins through their <c>Torch…Fit</c> strategies
/// on LibTorch's CPU: from the same seed, each epoch's training loss stays within a stated relative tolerance of the
/// float32 run's, and the checkpoints hold float32 weights (the masters), not the bfloat16 working copy. Measured
/// here (largest relative difference over 3 epochs): football 9.7e-4 (mixture), 3.7e-4 (trajectory); paragliding
/// 2.5e-4; splits 8.0e-3 (regressor, whose loss is small), 1.7e-4 (classifier). The bounds are 1%, 0.5% and 3%.
/// </summary>
public class MixedPrecisionFitTests(
    FootballFitData football,
    GlideatorFitData paragliding,
    SplitsFitData splits,
    ITestOutputHelper log
) : IClassFixture<FootballFitData>, IClassFixture<GlideatorFitData>, IClassFixture<SplitsFitData>
{
    static MixedPrecisionFitTests() => TorchSharp.torch.set_num_threads(1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Football_bf16_mixed_follows_float32_and_checkpoints_float32(bool probabilistic)
    {
        var options = new FootballTrainOptions
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
            Probabilistic = probabilistic,
        };
        using var dir = new TempFolder();
        var fit = TorchFootballFit.On(ComputeDevice.TorchCpu);
        var full = FootballTrainer.Train(football.Data, options, Path.Combine(dir.Path, "fp32"), fit: fit);
        var folder = Path.Combine(dir.Path, "bf16");
        var half = FootballTrainer.Train(football.Data, options with { Precision = "bf16-mixed" }, folder, fit: fit);
        Close(full.History, half.History, 0.01, $"football {(probabilistic ? "mixture" : "trajectory")}");
        Float32Checkpoints(folder);
    }

    [Fact]
    public void Paragliding_bf16_mixed_follows_float32_and_checkpoints_float32()
    {
        var options = new ParaglidingTrainOptions
        {
            Epochs = 3,
            Patience = 5,
            Seed = 2,
            Prefetch = 0,
            L1 = 1e-4,
            L2 = 1e-3,
        };
        using var dir = new TempFolder();
        var fit = TorchGlideatorFit.On(ComputeDevice.TorchCpu);
        var full = GlideatorTrainer.Train(paragliding.Data, options, fit: fit);
        var folder = Path.Combine(dir.Path, "bf16");
        var half = GlideatorTrainer.Train(
            paragliding.Data,
            options with { Precision = "bf16-mixed" },
            fit: fit,
            checkpoints: folder
        );
        Close(full.History, half.History, 0.005, "paragliding");
        Float32Checkpoints(folder);
    }

    [Theory]
    [InlineData(SampleTask.Classifier)]
    [InlineData(SampleTask.Regressor)]
    public void Splits_bf16_mixed_follows_float32_and_checkpoints_float32(SampleTask task)
    {
        var options = new SplitsTrainOptions
        {
            Samples = new SampleOptions { ClipLength = 4, AugmentedPerSegment = 3 },
            CompressSizes = [8],
            HiddenSize = 8,
            PostLstmSizes = [8],
            Dropout = 0f,
            LearningRate = 3e-3,
            Epochs = 3,
            BatchSize = 8,
            Patience = 5,
            Task = task,
        };
        using var dir = new TempFolder();
        var fit = TorchSplitsFit.On(ComputeDevice.TorchCpu);
        var full = SplitModelTrainer.Train(splits.Videos, splits.Fold, options, "thumb8x4", fit: fit);
        var folder = Path.Combine(dir.Path, "bf16");
        var half = SplitModelTrainer.Train(
            splits.Videos,
            splits.Fold,
            options with { Precision = "bf16-mixed" },
            "thumb8x4",
            checkpoints: folder,
            fit: fit
        );
        Close(full.History, half.History, 0.03, $"splits {task}");
        Float32Checkpoints(folder);
    }

    /// <summary>Each epoch's training loss of the bf16-mixed run within <paramref name="relative"/> of float32's.</summary>
    private void Close(TrainingHistory full, TrainingHistory half, double relative, string what)
    {
        Assert.Equal(full.Epochs.Count, half.Epochs.Count);
        for (int e = 0; e < full.Epochs.Count; e++)
        {
            double a = full.Epochs[e].TrainLoss,
                b = half.Epochs[e].TrainLoss;
            log.WriteLine($"{what} epoch {e}: float32 {a:R}, bf16-mixed {b:R}, relative {Math.Abs(a - b) / a:E2}");
            Assert.True(double.IsFinite(b), $"{what} epoch {e}: bf16-mixed loss {b}");
            Assert.True(
                Math.Abs(a - b) <= relative * Math.Abs(a),
                $"{what} epoch {e}: bf16-mixed loss {b} is not within {relative:P0} of float32's {a}"
            );
        }
    }

    private static void Float32Checkpoints(string folder)
    {
        var files = Directory.GetFiles(folder, "*.safetensors");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var weights = SafeTensors.Load(file).Tensors.Where(t => t.Key.StartsWith("model.", StringComparison.Ordinal));
            Assert.NotEmpty(weights);
            Assert.All(weights, t => Assert.Equal("F32", t.Value.DType));
        }
    }
}
