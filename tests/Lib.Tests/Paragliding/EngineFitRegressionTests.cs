using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;

namespace Lib.Tests.Paragliding;

/// <summary>
/// <see cref="GlideatorTrainer"/> runs through <c>FitJob</c> and <see cref="GlideatorTrainer.Engine"/> (so that
/// <c>--device</c> can pick the TorchSharp twin); on the engine it must train exactly as the trainer it replaced: a
/// <see cref="Trainer{TBatch}"/> with <see cref="ExponentialLR"/> stepped per epoch and the validation step on the
/// network's logits, written out here as it was. Same seed, same data: the same history, bit for bit.
/// </summary>
[Collection("paragliding")]
public class EngineFitRegressionTests(ParaglidingFixture fixture)
{
    [Fact]
    public void The_engine_strategy_trains_exactly_as_the_trainer_it_replaced()
    {
        var options = ParaglidingFixture.SmallOptions with { Epochs = 3, L1 = 1e-4, L2 = 1e-3 };
        var data = fixture.Data;

        var network = GlideatorTrainer.Build(data, options);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var trainer = new Trainer<SiteDayBatch>(network, optimizer, b =>
            GlideatorLoss.Step(network.Forward(b), b.Labels, network.Parameters(), options)
        )
        {
            MaxEpochs = options.Epochs,
            Scheduler = new ExponentialLR(optimizer, options.LrDecay),
            SchedulerInterval = SchedulerInterval.Epoch,
            ValidationStep = b => GlideatorLoss.Validate(network.Forward(b), b.Labels),
            EarlyStopping = new EarlyStopping(GlideatorTrainer.Monitor, patience: options.Patience),
            RestoreBestWeights = true,
        };
        var before = trainer.Fit(
            GlideatorTrainer.TrainLoader(data, options),
            new ShardedLoader(data.Shards[DaySplit.Val], 2048, prefetch: 0)
        );

        var now = GlideatorTrainer.Train(data, options);
        Assert.Equal(before.TrainLoss, now.History.TrainLoss);
        Assert.Equal(before.LearningRates, now.History.LearningRates);
        Assert.True(before.LearningRates[2] < before.LearningRates[0]);
        for (int e = 0; e < before.Epochs.Count; e++)
            Assert.Equal(before.Epochs[e].Metrics.OrderBy(m => m.Key), now.History.Epochs[e].Metrics.OrderBy(m => m.Key));
        Assert.Contains("train_monotonicity", now.History.Epochs[0].Metrics.Keys);
        Assert.Equal(
            network.Parameters().SelectMany(p => p.ToArray()),
            now.Model.Network.Parameters().SelectMany(p => p.ToArray())
        );
        Assert.Equal("cpu", now.Model.Card.Training.Options["device"]);
    }
}
