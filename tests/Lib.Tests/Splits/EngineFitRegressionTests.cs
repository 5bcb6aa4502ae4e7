using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Tests.Splits;

/// <summary>
/// <see cref="SplitModelTrainer"/> runs through <c>FitJob</c> and <see cref="SplitModelTrainer.Engine"/> (so that
/// <c>--device</c> can pick the TorchSharp twin); on the engine it must train exactly as the trainer it replaced: the
/// orchestration and the validation it had, written out here as they were. Same seed, same pairs: the same history
/// and weights, bit for bit, for the classifier and the regressor.
/// </summary>
public class EngineFitRegressionTests
{
    [Theory]
    [InlineData(SampleTask.Classifier)]
    [InlineData(SampleTask.Regressor)]
    public void The_engine_strategy_trains_exactly_as_the_trainer_it_replaced(SampleTask task)
    {
        var options = TrainAndFindTests.Small with { Task = task, Epochs = 3 };
        var videos = TrainAndFindTests.Videos();
        var fold = TrackFold.For(["a", "b", "c"], "c");

        var samples = SplitsDatasetStep.Run([.. videos.Select(v => v.Run)], fold, options.Samples, options.Task);
        var train = samples.Train.ToList();
        var generator = new Generator(options.Seed);
        var trainTracks = fold.TrainTracks.ToHashSet(StringComparer.Ordinal);
        var scale = FeatureScale.Fit(videos.Where(v => trainTracks.Contains(v.TrackId)).Select(v => v.Features));
        var byRun = videos.ToDictionary(v => (v.TrackId, v.RiderId), v => v.Features);
        int clip = options.Samples.ClipLength;
        double labelUnit = task == SampleTask.Regressor ? 240 : 1;
        double fps = videos[0].Features.Fps;
        var network = new SiameseLstm(options.ModelConfig(videos[0].Features.Dim), generator);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        SplitBatch Collate(IReadOnlyList<ClipPair> pairs) => SplitBatch.Collate(pairs, byRun, clip, scale, labelUnit);
        var trainLoader = new DataLoader<ClipPair, SplitBatch>(
            new ListDataset<ClipPair>(train),
            Collate,
            options.BatchSize,
            shuffle: true,
            generator: generator,
            prefetch: 0
        );
        var valLoader = new DataLoader<ClipPair, SplitBatch>(
            new ListDataset<ClipPair>(samples.Validation),
            Collate,
            256,
            prefetch: 0
        );
        Tensor Loss(SplitBatch b)
        {
            var output = network.Forward(b.Source, b.Target);
            return task == SampleTask.Classifier
                ? Functional.BinaryCrossEntropyWithLogits(output, b.Label)
                : Functional.MseLoss(output, b.Label);
        }
        var trainer = new Trainer<SplitBatch>(network, optimizer, Loss)
        {
            MaxEpochs = options.Epochs,
            Validate = loader => OldValidate(network, loader, task, labelUnit / fps),
            EarlyStopping = new EarlyStopping(SplitModelTrainer.Monitor, patience: options.Patience),
            RestoreBestWeights = true,
        };
        var before = trainer.Fit(trainLoader, valLoader);

        var now = SplitModelTrainer.Train(videos, fold, options, "place");
        Assert.Equal(before.TrainLoss, now.History.TrainLoss);
        for (int e = 0; e < before.Epochs.Count; e++)
            Assert.Equal(before.Epochs[e].Metrics.OrderBy(m => m.Key), now.History.Epochs[e].Metrics.OrderBy(m => m.Key));
        Assert.Equal(
            network.Parameters().SelectMany(p => p.ToArray()),
            now.Model.Network.Parameters().SelectMany(p => p.ToArray())
        );
    }

    private static Dictionary<string, double> OldValidate(
        SiameseLstm network,
        IDataLoader<SplitBatch> loader,
        SampleTask task,
        double secondsPerUnit
    )
    {
        double loss = 0,
            absSeconds = 0;
        int n = 0;
        var predicted = new List<bool>();
        var actual = new List<bool>();
        foreach (var b in loader)
        {
            var output = network.Forward(b.Source, b.Target);
            int count = b.Label.Size(0);
            var o = output.ToArray();
            var y = b.Label.ToArray();
            if (task == SampleTask.Classifier)
            {
                loss += Functional.BinaryCrossEntropyWithLogits(output, b.Label).Item() * count;
                for (int i = 0; i < count; i++)
                {
                    predicted.Add(o[i] > 0);
                    actual.Add(y[i] > 0.5f);
                }
            }
            else
            {
                loss += Functional.MseLoss(output, b.Label).Item() * count;
                for (int i = 0; i < count; i++)
                    absSeconds += Math.Abs(o[i] - y[i]) * secondsPerUnit;
            }
            n += count;
        }
        var metrics = new Dictionary<string, double> { [SplitModelTrainer.Monitor] = loss / Math.Max(1, n) };
        if (task == SampleTask.Classifier)
        {
            var m = ClassificationMetrics.Compute(predicted, actual);
            metrics["val_accuracy"] = m.Accuracy;
            metrics["val_macro_f1"] = m.MacroF1;
        }
        else
            metrics["val_mae_s"] = absSeconds / Math.Max(1, n);
        return metrics;
    }
}
