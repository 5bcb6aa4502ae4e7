using System.Diagnostics;
using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Ingest;
using Lib.Climbing.Model;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;

namespace Lib.Climbing.Train;

/// <summary>
/// Trains a <see cref="GradeTransformer"/> on the training split: MSE on the standardised difficulty,
/// AdamW (decay on matrices only), linear warm-up then cosine decay per step, gradient clipping, and early
/// stopping on the validation MAE (in difficulty units) with the best epoch's weights kept. The result is a
/// <see cref="GradeModel"/>, saved as a model folder when <c>outFolder</c> is given.
/// </summary>
public static class GradeModelTrainer
{
    /// <summary>The monitored metric: validation MAE in difficulty units.</summary>
    public const string Monitor = "val_mae";

    /// <summary>What a run returns: the model and the epoch-by-epoch history.</summary>
    public sealed record Result(GradeModel Model, TrainingHistory History);

    /// <summary>Trains on <paramref name="data"/>'s training split, validating on its val split.</summary>
    public static Result Train(ClimbingData data, TrainOptions options, string? outFolder = null, ITrainingProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var train = data.Split(SplitName.Train);
        if (options.MaxTrainRoutes is int max && train.Count > max) train = [.. Enumerable.Range(0, max).Select(i => train[(int)((long)i * train.Count / max)])]; // spread over every board
        var val = data.Split(SplitName.Val);
        if (train.Count == 0 || val.Count == 0)
            throw new InvalidOperationException($"Training needs routes in both the train and val splits; got {train.Count} and {val.Count}.");

        double mean = train.Average(r => r.Difficulty);
        double std = Math.Sqrt(train.Average(r => (r.Difficulty - mean) * (r.Difficulty - mean)));
        if (!(std > 0)) std = 1;
        int maxLength = Math.Max(64, data.Tokens.Routes.Max(r => r.Length));
        var config = options.ModelConfig(data.Tokens.Vocabulary.Count, RouteTokenizer.FeatureCount, maxLength);
        var generator = new Generator(options.Seed);
        var network = new GradeTransformer(config, generator);
        var optimizer = new AdamW(ParamGroups.DecayAndNoDecay(network, options.WeightDecay), lr: options.LearningRate);

        RouteBatch Collate(IReadOnlyList<TokenizedRoute> samples) => RouteBatch.Collate(samples, mean, std);
        var trainLoader = new DataLoader<TokenizedRoute, RouteBatch>(new ListDataset<TokenizedRoute>(train), Collate, options.BatchSize, shuffle: true, generator: generator, prefetch: 0);
        var valLoader = new DataLoader<TokenizedRoute, RouteBatch>(new ListDataset<TokenizedRoute>(val), Collate, 128, prefetch: 0);
        int totalSteps = trainLoader.Count * options.Epochs;

        var checkpoints = Path.Combine(Path.GetTempPath(), "lab-climbing-" + Guid.NewGuid().ToString("N")); // the best epoch's weights, until training ends
        var trainer = new Trainer<RouteBatch>(network, optimizer, b => Functional.MseLoss(network.Forward(b.Ids, b.Features, b.Mask), b.Target))
        {
            MaxEpochs = options.Epochs,
            Scheduler = new CosineWithWarmup(optimizer, (int)Math.Round(options.WarmupFraction * totalSteps), totalSteps),
            ClipGradients = ps => ClipGrad.ClipGradNorm(ps, options.ClipNorm),
            ValidationStep = b => new Dictionary<string, double>
            {
                [Monitor] = (network.Forward(b.Ids, b.Features, b.Mask) - b.Target).Abs().Mean().Item() * std,
            },
            EarlyStopping = new EarlyStopping(Monitor, patience: options.Patience),
            Checkpoints = new CheckpointOptions(checkpoints) { Monitor = Monitor, SaveLast = false },
            Progress = progress,
        };
        var watch = Stopwatch.StartNew();
        TrainingHistory history;
        try
        {
            history = trainer.Fit(trainLoader, valLoader, cancellationToken: cancellationToken);
            TrainingCheckpoint.LoadModel(Path.Combine(checkpoints, "best.safetensors"), network);
        }
        finally
        {
            if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
        }
        watch.Stop();
        network.Eval();

        var usedBoards = train.Select(r => r.Board).ToHashSet(StringComparer.Ordinal);
        var best = history.BestEpoch ?? history.Epochs.Count - 1;
        var card = new ModelCard
        {
            Config = config,
            FeatureNames = RouteTokenizer.FeatureNames,
            Vocabulary = data.Tokens.Vocabulary.Tokens,
            Boards = [.. data.Table.Boards.Where(b => usedBoards.Contains(b.Key))],
            Grades = data.Table.Grades,
            TargetMean = mean,
            TargetStd = std,
            Training = new TrainingSummary
            {
                TrainRoutes = train.Count,
                ValRoutes = val.Count,
                EpochsRun = history.Epochs.Count,
                MaxEpochs = options.Epochs,
                BestEpoch = best,
                BestValMae = history.Epochs[best].Metrics[Monitor],
                StoppedEarly = history.StoppedEarly,
                Seconds = watch.Elapsed.TotalSeconds,
                Parameters = network.NumParameters(),
                Options = options.ToString(),
            },
        };
        var model = new GradeModel(network, card);
        if (outFolder is not null) model.Save(outFolder);
        return new Result(model, history);
    }
}
