using System.Diagnostics;
using Lib.Display;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Tensors;
using Lib.Tensors.Optim;
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

    /// <summary>The engine's strategy (<c>--device cpu</c>, the default): <see cref="GlideatorLoss.Step"/> on the
    /// network's logits and parameters.</summary>
    public static IFitStrategy<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions> Engine { get; } =
        new EngineFit<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions>(
            (network, b, options) => GlideatorLoss.Step(network.Forward(b), b.Labels, network.Parameters(), options),
            (network, b) => network.Forward(b)
        );

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

    /// <summary>Trains (on the engine, or on the twin with <paramref name="fit"/> =
    /// <c>Lib.Torch.Paragliding.TorchGlideatorFit</c>), then calibrates on the validation weeks; with
    /// <paramref name="checkpoints"/> the best and last epochs are checkpointed there, and
    /// <paramref name="resumeFrom"/> continues a run from one (<c>last</c>: that folder's last).</summary>
    public static Result Train(
        ParaglidingData data,
        ParaglidingTrainOptions options,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions>? fit = null,
        string? checkpoints = null,
        string? resumeFrom = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        fit ??= Engine;
        var network = Build(data, options);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var trainLoader = TrainLoader(data, options);
        var valLoader = new ShardedLoader(data.Shards[DaySplit.Val], 2048, prefetch: 0);
        if (trainLoader.Samples == 0 || valLoader.Samples == 0)
            throw new InvalidOperationException(
                $"Training needs site-days in the train and val weeks; got {trainLoader.Samples} and "
                    + $"{valLoader.Samples}."
            );
        var watch = Stopwatch.StartNew();
        var history = fit.Fit(
            new FitJob<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions>
            {
                Network = network,
                Optimizer = optimizer,
                Schedule = epoch => Math.Pow(options.LrDecay, epoch), // ExponentialLR(γ), per epoch
                ScheduleInterval = SchedulerInterval.Epoch,
                Train = trainLoader,
                Validation = valLoader,
                ValidationStep = (forward, b) =>
                    GlideatorLoss.Validate(Tensor.Wrap(forward(b), [.. b.Labels.Shape]), b.Labels),
                Epochs = options.Epochs,
                EarlyStopping = new EarlyStopping(Monitor, patience: options.Patience),
                RestoreBestWeights = true,
                Checkpoints = checkpoints is null ? null : new CheckpointOptions(checkpoints) { Monitor = Monitor },
                ResumeFrom = resumeFrom,
                Seed = options.Seed,
                Precision = options.Precision,
                Options = options,
                Progress = progress is null ? null : new TrainingProgressReporter(progress, "training the XC-odds DCN"),
                CancellationToken = cancellationToken,
            }
        );
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
                new Dictionary<string, object?>(options.Parameters()) { ["device"] = fit.Device.Name }
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
