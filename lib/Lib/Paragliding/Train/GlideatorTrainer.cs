using System.Diagnostics;
using Lib.Display;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Tensors;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Paragliding.Train;

/// <summary>
/// Trains a <see cref="GlideatorNet"/> on the training weeks' shards (the <see cref="ShardedLoader"/>), validating on
/// the validation weeks' shards: <see cref="GlideatorLoss"/>, Adam with exponential decay per epoch, early stopping on
/// <c>val_loss</c> with the best epoch's weights kept; then fits the <see cref="ThresholdCalibration"/> on the
/// validation weeks and returns a <see cref="GlideatorModel"/> whose card holds the scalers, the calibration and the
/// run. The test weeks are not read.
/// </summary>
public static class GlideatorTrainer
{
    /// <summary>The monitored metric.</summary>
    public const string Monitor = "val_loss";

    /// <summary>What a run gives: the model and its history.</summary>
    public sealed record Result(GlideatorModel Model, TrainingHistory History);

    /// <summary>The network a run starts from.</summary>
    public static GlideatorNet Build(ParaglidingData data, ParaglidingTrainOptions options) =>
        new(
            options.ModelConfig(
                data.Set.Sites.Count,
                SiteFeatures.Names.Count,
                DateFeatures.Names.Count,
                data.Set.WeatherVariables.Count
            ),
            new Generator(options.Seed)
        );

    /// <summary>The training loader over the training shards.</summary>
    public static ShardedLoader TrainLoader(ParaglidingData data, ParaglidingTrainOptions options) =>
        new(
            data.Shards[DaySplit.Train],
            options.BatchSize,
            shuffle: true,
            seed: options.Seed,
            shuffleBuffer: options.ShuffleBuffer,
            prefetch: options.Prefetch
        );

    /// <summary>Trains, then calibrates on the validation weeks.</summary>
    public static Result Train(
        ParaglidingData data,
        ParaglidingTrainOptions options,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var network = Build(data, options);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var trainLoader = TrainLoader(data, options);
        var valLoader = new ShardedLoader(data.Shards[DaySplit.Val], 2048, prefetch: 0);
        if (trainLoader.Samples == 0 || valLoader.Samples == 0)
            throw new InvalidOperationException(
                $"Training needs site-days in the train and val weeks; got {trainLoader.Samples} and "
                    + $"{valLoader.Samples}."
            );
        var trainer = new Trainer<SiteDayBatch>(network, optimizer, b =>
            GlideatorLoss.Step(network.Forward(b), b.Labels, network.Parameters(), options)
        )
        {
            MaxEpochs = options.Epochs,
            Scheduler = new ExponentialLR(optimizer, options.LrDecay),
            SchedulerInterval = SchedulerInterval.Epoch,
            ValidationStep = b => GlideatorLoss.Validate(network.Forward(b), b.Labels),
            EarlyStopping = new EarlyStopping(Monitor, patience: options.Patience),
            RestoreBestWeights = true,
            Progress = progress is null ? null : new TrainingProgressReporter(progress, "training the XC-odds DCN"),
        };
        var watch = Stopwatch.StartNew();
        var history = trainer.Fit(trainLoader, valLoader, cancellationToken: cancellationToken);
        watch.Stop();
        network.Eval();

        var set = data.Set;
        var siteFeatures = set.Sites.Select((_, i) => set.Samples.First(s => s.SiteIndex == i).Site).ToList();
        var card = new ModelCard<GlideatorNetConfig, GlideatorInputs>
        {
            Format = GlideatorModel.Format,
            Config = network.Config,
            Inputs = new GlideatorInputs
            {
                Sites = set.Sites,
                SiteFeatures = siteFeatures,
                SiteScaler = set.SiteScaler,
                WeatherScaler = set.WeatherScaler,
                WeatherVariables = set.WeatherVariables,
                DateFeatureNames = DateFeatures.Names,
            },
            DataFingerprint = set.Fingerprint,
            Training = TrainingSummary.Of(
                history,
                options.Epochs,
                Monitor,
                trainLoader.Samples,
                valLoader.Samples,
                watch.Elapsed.TotalSeconds,
                network.NumParameters(),
                options.Parameters()
            ),
            History = history.Epochs,
        };
        var model = new GlideatorModel(network, card);
        var val = set.Split(DaySplit.Val);
        var calibration = ThresholdCalibration.Fit(model.PredictRaw(val), [.. val.Select(s => s.Labels)]);
        var calibrated = new GlideatorModel(
            network,
            card with
            {
                Inputs = card.Inputs with { Calibration = calibration },
                Metrics = history.Epochs[card.Training.BestEpoch].Metrics,
            }
        );
        return new Result(calibrated, history);
    }
}
