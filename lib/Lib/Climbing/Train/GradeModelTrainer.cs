using System.Diagnostics;
using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Climbing.Model;
using Lib.Display;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Climbing.Train;

/// <summary>
/// Trains a <see cref="GradeTransformer"/> on the training split: MSE on the standardised difficulty,
/// AdamW (decay on matrices only), linear warm-up then cosine decay per step, gradient clipping, and early
/// stopping on the validation MAE (in difficulty units) with the best epoch's weights restored (the trainer's
/// <c>RestoreBestWeights</c>). The result is a <see cref="GradeModel"/> whose card holds the shared
/// <see cref="TrainingSummary"/> and the learning curve; <see cref="ClimbingTrainStep.Run"/> saves it as a model
/// folder.
/// </summary>
public static class GradeModelTrainer
{
    /// <summary>The monitored metric: validation MAE in difficulty units.</summary>
    public const string Monitor = "val_mae";

    /// <summary>The engine's training loop for the grade Transformer: the standardised grade and the MSE
    /// loss.</summary>
    public static IFitStrategy<GradeTransformer, RouteBatch, TrainOptions> Engine { get; } =
        new EngineFit<GradeTransformer, RouteBatch, TrainOptions>(
            (network, b) => network.Forward(b.Ids, b.Features, b.Mask),
            (output, b, _) => Functional.MseLoss(output, b.Target)
        );

    /// <summary>The mean absolute difference of a batch's standardised outputs and targets.</summary>
    private static double MeanAbsoluteError(float[] output, Tensor target)
    {
        var t = target.Data;
        float sum = 0;
        for (int i = 0; i < output.Length; i++)
            sum += MathF.Abs(output[i] - t[i]);
        return sum / output.Length;
    }

    /// <summary>What a run returns: the model and the epoch-by-epoch history.</summary>
    public sealed record Result(GradeModel Model, TrainingHistory History);

    /// <summary>
    /// Trains on <paramref name="data"/>'s training split, validating on its val split; progress goes to
    /// <paramref name="progress"/> (one task counting batches, its status the epoch, loss and validation MAE).
    /// </summary>
    public static Result Train(
        ClimbingData data,
        TrainOptions options,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<GradeTransformer, RouteBatch, TrainOptions>? fit = null
    )
    {
        fit ??= Engine;
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var train = data.Split(SplitName.Train);
        if (options.MaxTrainRoutes is int max && train.Count > max)
            // spread over every board
            train = [.. Enumerable.Range(0, max).Select(i => train[(int)((long)i * train.Count / max)])];
        var val = data.Split(SplitName.Val);
        if (train.Count == 0 || val.Count == 0)
            throw new InvalidOperationException(
                $"Training needs routes in both the train and val splits; got {train.Count} and {val.Count}."
            );

        double mean = train.Average(r => r.Difficulty);
        double std = Math.Sqrt(train.Average(r => (r.Difficulty - mean) * (r.Difficulty - mean)));
        if (!(std > 0))
            std = 1;
        int maxLength = Math.Max(64, data.Tokens.Routes.Max(r => r.Length));
        var config = options.ModelConfig(data.Tokens.Vocabulary.Count, RouteTokenizer.FeatureCount, maxLength);
        var generator = new Generator(options.Seed);
        var network = new GradeTransformer(config, generator);
        var optimizer = new AdamW(ParamGroups.DecayAndNoDecay(network, options.WeightDecay), lr: options.LearningRate);

        RouteBatch Collate(IReadOnlyList<TokenizedRoute> samples) => RouteBatch.Collate(samples, mean, std);
        var trainLoader = new DataLoader<TokenizedRoute, RouteBatch>(
            new ListDataset<TokenizedRoute>(train),
            Collate,
            options.BatchSize,
            shuffle: true,
            generator: generator,
            prefetch: 0
        );
        var valLoader = new DataLoader<TokenizedRoute, RouteBatch>(
            new ListDataset<TokenizedRoute>(val),
            Collate,
            128,
            prefetch: 0
        );
        int totalSteps = trainLoader.Count * options.Epochs;

        int warmup = (int)Math.Round(options.WarmupFraction * totalSteps);
        var watch = Stopwatch.StartNew();
        var history = fit.Fit(
            new FitJob<GradeTransformer, RouteBatch, TrainOptions>
            {
                Network = network,
                Optimizer = optimizer,
                Schedule = step => CosineWithWarmup.Factor(step, warmup, totalSteps),
                Train = trainLoader,
                Validation = valLoader,
                ValidationStep = (forward, b) =>
                    new Dictionary<string, double> { [Monitor] = MeanAbsoluteError(forward(b), b.Target) * std },
                Epochs = options.Epochs,
                EarlyStopping = new EarlyStopping(Monitor, patience: options.Patience),
                RestoreBestWeights = true,
                ClipNorm = options.ClipNorm,
                Precision = options.Precision,
                Seed = options.Seed,
                Options = options,
                Progress = progress is null
                    ? null
                    : new TrainingProgressReporter(progress, "training the grade Transformer"),
                CancellationToken = cancellationToken,
            }
        );
        watch.Stop();
        network.Eval();

        var usedBoards = train.Select(r => r.Board).ToHashSet(StringComparer.Ordinal);
        var summary = TrainingSummary.Of(
            history,
            options.Epochs,
            Monitor,
            train.Count,
            val.Count,
            watch.Elapsed.TotalSeconds,
            network.NumParameters(),
            new Dictionary<string, object?>(options.Parameters()) { ["device"] = fit.Device.Name }
        );
        var card = new ModelCard<GradeTransformerConfig, GradeInputs>
        {
            Format = GradeModel.Format,
            Config = config,
            Inputs = new GradeInputs
            {
                FeatureNames = RouteTokenizer.FeatureNames,
                Vocabulary = data.Tokens.Vocabulary.Tokens,
                Boards = [.. data.Table.Boards.Where(b => usedBoards.Contains(b.Key))],
                Grades = data.Table.Grades,
                TargetMean = mean,
                TargetStd = std,
            },
            DataFingerprint = data.Fingerprint,
            Training = summary,
            History = history.Epochs,
            Metrics = history.Epochs[summary.BestEpoch].Metrics,
        };
        return new Result(new GradeModel(network, card), history);
    }
}
