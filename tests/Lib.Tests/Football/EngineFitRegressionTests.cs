using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Football.Train;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Tests.Football;

/// <summary>
/// <see cref="FootballTrainer"/> runs through <c>FitJob</c> and <see cref="FootballTrainer.Engine"/> (so that
/// <c>--device</c> can pick the TorchSharp twin); on the engine it must train exactly as the trainer it replaced: a
/// <see cref="Trainer{TBatch}"/> with AdamW over decay/no-decay groups, gradient clipping and accumulation, the
/// auxiliary terms, validation through the model's forecasts, early stopping and top-k checkpoints, written out here
/// as it was. Same seed, same samples: the same history, checkpoints and weights, bit for bit.
/// </summary>
[Collection("football")]
public class EngineFitRegressionTests(FootballDataFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_engine_strategy_trains_exactly_as_the_trainer_it_replaced(bool probabilistic)
    {
        var options = new FootballTrainOptions
        {
            MaxTrainSamples = 64,
            BatchSize = 16,
            MaxEpochs = 3,
            Hidden = 16,
            Layers = 1,
            Patience = 5,
            SaveTopK = 2,
            AccumulateGradBatches = 2,
            LearningRate = 3e-3,
            Probabilistic = probabilistic,
        };
        var data = fixture.Data;
        using var dir = new TempDir();

        var train = data.Of(DataSplit.Train).ToList();
        train = [.. Enumerable.Range(0, 64).Select(i => train[(int)((long)i * train.Count / 64)])];
        var validation = data.Of(DataSplit.Validation);
        var config = options.ModelConfig(TrajectoryFeatures.Count, data.Options.Observed, data.Options.Horizon);
        var generator = new Generator(options.Seed);
        var network = new TrajectoryGnn(config, generator);
        var optimizer = new AdamW(ParamGroups.DecayAndNoDecay(network, options.WeightDecay), lr: options.LearningRate);
        static TrajectoryBatch Collate(IReadOnlyList<TrajectorySample> s) =>
            TrajectoryFeatures.Of(FootballBatch.Collate(s));
        var trainLoader = new DataLoader<TrajectorySample, TrajectoryBatch>(
            new ListDataset<TrajectorySample>(train),
            Collate,
            options.BatchSize,
            shuffle: true,
            generator: generator,
            prefetch: 1
        );
        var validationLoader = new DataLoader<TrajectoryBatch, TrajectoryBatch>(
            new ListDataset<TrajectoryBatch>([.. validation.Chunk(64).Select(c => Collate(c))]),
            b => b[0],
            1,
            prefetch: 0
        );
        var monitor = FootballTrainer.MonitorOf(options);
        var model = new FootballModel(
            network,
            new ModelCard<TrajectoryGnnConfig, FootballInputs>
            {
                Format = FootballModel.Format,
                Config = config,
                Inputs = new FootballInputs { FeatureNames = TrajectoryFeatures.Names },
                DataFingerprint = data.Fingerprint,
                Training = new TrainingSummary(),
            }
        );
        var trainer = new Trainer<TrajectoryBatch>(network, optimizer, b => FootballTrainer.Step(network, b, options))
        {
            MaxEpochs = options.MaxEpochs,
            Precision = options.Precision,
            AccumulateGradBatches = options.AccumulateGradBatches,
            ClipGradients = ps => ClipGrad.ClipGradNorm(ps, options.ClipNorm),
            Validate = loader => FootballTrainer.Validate(model, loader),
            EarlyStopping = new EarlyStopping(monitor, MetricMode.Min, options.Patience),
            RestoreBestWeights = true,
            Checkpoints = new CheckpointOptions(Path.Combine(dir.Path, "before"))
            {
                Monitor = monitor,
                SaveTopK = options.SaveTopK,
            },
        };
        var before = trainer.Fit(trainLoader, validationLoader);

        var now = FootballTrainer.Train(data, options, Path.Combine(dir.Path, "now"));
        Assert.Equal(before.TrainLoss, now.History.TrainLoss);
        for (int e = 0; e < before.Epochs.Count; e++)
            Assert.Equal(before.Epochs[e].Metrics.OrderBy(m => m.Key), now.History.Epochs[e].Metrics.OrderBy(m => m.Key));
        Assert.Contains("train_velocity", now.History.Epochs[0].Metrics.Keys);
        Assert.Equal(
            trainer.TopCheckpoints.Select(c => (c.Epoch, c.Value)),
            now.TopK.Select(c => (c.Epoch, c.Value))
        );
        Assert.Equal(2, now.TopK.Count);
        Assert.Equal(
            network.Parameters().SelectMany(p => p.ToArray()),
            now.Model.Network.Parameters().SelectMany(p => p.ToArray())
        );
    }
}
