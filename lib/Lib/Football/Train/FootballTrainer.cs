using System.Diagnostics;
using Lib.Display;
using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Football.Train;

/// <summary>
/// Trains a <see cref="TrajectoryGnn"/> on the training games' samples with the engine's <see cref="Trainer{TBatch}"/>:
/// AdamW (decay on matrices), gradient clipping and accumulation, early stopping on the validation games' ADE at 2 s
/// (minADE for the mixture) with the best epoch's weights restored, best/top-k/last checkpoints (resumable), a tracked
/// run with TensorBoard scalars. Losses: the displacement (L2 or Huber) plus weighted velocity and acceleration
/// consistency and coverage BCE; the mixture's NLL plus its best mode's displacement.
/// </summary>
public static class FootballTrainer
{
    /// <summary>The monitored metric of the deterministic model: validation ADE over 2 s, yards.</summary>
    public const string Monitor = "val_ade2";

    /// <summary>The monitored metric of the mixture: validation minADE over 2 s, yards.</summary>
    public const string MixtureMonitor = "val_min_ade2";

    /// <summary>The engine's strategy (<c>--device cpu</c>, the default): <see cref="Step"/> on the network.</summary>
    public static IFitStrategy<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions> Engine { get; } =
        new EngineFit<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions>(Step);

    /// <summary>What a run returns.</summary>
    public sealed record Result(FootballModel Model, TrainingHistory History, IReadOnlyList<RankedCheckpoint> TopK);

    /// <summary>The metric a run of <paramref name="options"/> monitors.</summary>
    public static string MonitorOf(FootballTrainOptions options) => options.Probabilistic ? MixtureMonitor : Monitor;

    /// <summary>
    /// Trains on <paramref name="data"/>'s training samples, validating on its validation samples; checkpoints go to
    /// <paramref name="checkpointFolder"/> (null: none), <paramref name="resumeFrom"/> continues a run from a
    /// checkpoint (<c>last</c> = that folder's last one); <paramref name="fit"/> trains on the engine (null, the
    /// default) or on the twin (<c>Lib.Torch.Football.TorchFootballFit</c>).
    /// </summary>
    public static Result Train(
        FootballData data,
        FootballTrainOptions options,
        string? checkpointFolder = null,
        string? resumeFrom = null,
        TrackedRun? run = null,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions>? fit = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        fit ??= Engine;
        var train = Select(data.Of(DataSplit.Train), options);
        var validation = Select(data.Of(DataSplit.Validation), options with { MaxTrainSamples = null });
        if (options.MaxTrainSamples is int max && train.Count > max)
            train = [.. Enumerable.Range(0, max).Select(i => train[(int)((long)i * train.Count / max)])];
        if (train.Count == 0 || validation.Count == 0)
            throw new InvalidOperationException(
                $"Training needs samples of both training and validation games; got {train.Count} and "
                    + $"{validation.Count} (weeks: {WeeksText(options)})."
            );
        int observed = data.Options.Observed,
            horizon = data.Options.Horizon;
        var config = options.ModelConfig(TrajectoryFeatures.Count, observed, horizon);
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
        var validationBatches = Chunk(validation, 64).Select(Collate).ToList();
        var validationLoader = new DataLoader<TrajectoryBatch, TrajectoryBatch>(
            new ListDataset<TrajectoryBatch>(validationBatches),
            b => b[0],
            1,
            prefetch: 0
        );
        var monitor = MonitorOf(options);
        var model = new FootballModel(network, Card(config, options, data, null, null));
        using var logging = run is null ? null : new RunMetricsCallback(run);
        var watch = Stopwatch.StartNew();
        var history = fit.Fit(
            new FitJob<TrajectoryGnn, TrajectoryBatch, FootballTrainOptions>
            {
                Network = network,
                Optimizer = optimizer,
                Train = trainLoader,
                Validation = validationLoader,
                ValidateNetwork = loader => Validate(model, loader),
                Epochs = options.MaxEpochs,
                Precision = options.Precision,
                AccumulateGradBatches = options.AccumulateGradBatches,
                ClipNorm = options.ClipNorm,
                EarlyStopping = new EarlyStopping(monitor, MetricMode.Min, options.Patience),
                RestoreBestWeights = true,
                Checkpoints = checkpointFolder is null
                    ? null
                    : new CheckpointOptions(checkpointFolder) { Monitor = monitor, SaveTopK = options.SaveTopK },
                ResumeFrom = resumeFrom,
                Seed = options.Seed,
                Options = options,
                Progress = progress is null
                    ? null
                    : new TrainingProgressReporter(progress, "training the football graph network"),
                Callbacks = logging is null ? [] : [logging],
                CancellationToken = cancellationToken,
            }
        );
        watch.Stop();
        network.Eval();
        var summary = TrainingSummary.Of(
            history,
            options.MaxEpochs,
            monitor,
            train.Count,
            validation.Count,
            watch.Elapsed.TotalSeconds,
            network.NumParameters(),
            new Dictionary<string, object?>(options.Parameters()) { ["device"] = fit.Device.Name }
        );
        var card = Card(config, options, data, summary, history);
        return new Result(new FootballModel(network, card), history, history.TopCheckpoints);
    }

    /// <summary>One training step's loss and its weighted auxiliary terms (what the trainer sums and backpropagates;
    /// the benchmark's step too).</summary>
    public static TrainingStepOutput Step(TrajectoryGnn network, TrajectoryBatch b, FootballTrainOptions options)
    {
        var output = network.Forward(b.Frames, b.Positions, b.Velocity, b.Graph);
        float? huber = options.HuberDelta is double d ? (float)d : null;
        Tensor path,
            main;
        if (output.IsMixture)
        {
            path = TrajectoryLoss.BestMode(output.Means, b.Targets, b.TargetMask);
            main =
                TrajectoryLoss.MixtureNll(output.Means, output.LogSigma!, output.ModeLogits!, b.Targets, b.TargetMask)
                + TrajectoryLoss.Displacement(path, b.Targets, b.TargetMask, huber);
        }
        else
        {
            path = output.Means.Select(1, 0); // [nodes, horizon, 2]
            main = TrajectoryLoss.Displacement(path, b.Targets, b.TargetMask, huber);
        }
        var auxiliary = new Dictionary<string, Tensor>();
        if (options.VelocityWeight > 0)
            auxiliary["velocity"] =
                TrajectoryLoss.Velocity(path, b.Targets, b.TargetMask) * (float)options.VelocityWeight;
        if (options.AccelerationWeight > 0)
            auxiliary["acceleration"] =
                TrajectoryLoss.Acceleration(path, b.Targets, b.TargetMask) * (float)options.AccelerationWeight;
        if (options.CoverageWeight > 0)
            auxiliary["coverage"] =
                TrajectoryLoss.Coverage(output.CoverageLogit, b.CoverageLabels, b.CoverageMask)
                * (float)options.CoverageWeight;
        return new TrainingStepOutput(main, auxiliary);
    }

    /// <summary>Validation metrics over every batch: ADE and FDE at 1 s and 2 s, minADE and minFDE at 2 s, the
    /// coverage log loss of the labelled scenes.</summary>
    internal static Dictionary<string, double> Validate(FootballModel model, IDataLoader<TrajectoryBatch> loader)
    {
        var errors = new List<NodeErrors>();
        double bce = 0;
        int labelled = 0;
        foreach (var (_, _, batch) in loader.Batches())
        {
            var forecast = model.Forecast(batch);
            errors.AddRange(NodeErrors.Of(batch, forecast));
            for (int s = 0; s < batch.Scenes.Count; s++)
                if (batch.CoverageMask.Data[s] != 0f)
                {
                    double p = Math.Clamp(forecast.Coverage![s], 1e-7, 1 - 1e-7);
                    bce -= batch.CoverageLabels.Data[s] != 0f ? Math.Log(p) : Math.Log(1 - p);
                    labelled++;
                }
        }
        var score = TrajectoryScore.Of(errors);
        return new Dictionary<string, double>
        {
            ["val_ade1"] = score.Ade1,
            ["val_fde1"] = score.Fde1,
            ["val_ade2"] = score.Ade2,
            ["val_fde2"] = score.Fde2,
            ["val_min_ade2"] = score.MinAde2,
            ["val_min_fde2"] = score.MinFde2,
            ["val_coverage_bce"] = labelled == 0 ? double.NaN : bce / labelled,
        };
    }

    private static string WeeksText(FootballTrainOptions o) => o.Weeks.Count == 0 ? "all" : string.Join(",", o.Weeks);

    /// <summary>
    /// The samples, checked against the weeks asked for: <see cref="FootballTrainOptions.Weeks"/> is the data's
    /// selection (the test games come from the same weeks), so data read with another selection is an error rather
    /// than a silent filter of the training games alone.
    /// </summary>
    private static List<TrajectorySample> Select(IReadOnlyList<TrajectorySample> samples, FootballTrainOptions o)
    {
        if (o.Weeks.Count == 0)
            return [.. samples];
        var other = samples
            .Select(s => s.Tracks.Play.Week)
            .Where(w => w is not int v || !o.Weeks.Contains(v))
            .Distinct()
            .Select(w => w?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown")
            .Order()
            .ToList();
        if (other.Count > 0)
            throw new InvalidOperationException(
                $"The options name weeks {WeeksText(o)}, but the dataset holds plays of other weeks "
                    + $"({string.Join(",", other)}): read it "
                    + "with options.Selection() (TrackingSelection), as lab football train does."
            );
        return [.. samples];
    }

    private static IEnumerable<List<T>> Chunk<T>(IReadOnlyList<T> items, int size)
    {
        for (int i = 0; i < items.Count; i += size)
            yield return [.. items.Skip(i).Take(size)];
    }

    private static ModelCard<TrajectoryGnnConfig, FootballInputs> Card(
        TrajectoryGnnConfig config,
        FootballTrainOptions options,
        FootballData data,
        TrainingSummary? summary,
        TrainingHistory? history
    ) =>
        new()
        {
            Format = FootballModel.Format,
            Config = config,
            Inputs = new FootballInputs
            {
                FeatureNames = TrajectoryFeatures.Names,
                Observed = data.Options.Observed,
                Horizon = data.Options.Horizon,
                Stride = data.Options.Stride,
            },
            DataFingerprint = data.Fingerprint,
            Training = summary ?? new TrainingSummary { Options = options.Parameters() },
            History = history?.Epochs ?? [],
            Metrics =
                history is null || summary is null || history.Epochs.Count == 0
                    ? new Dictionary<string, double>()
                    : history.Epochs[summary.BestEpoch].Metrics,
        };
}
