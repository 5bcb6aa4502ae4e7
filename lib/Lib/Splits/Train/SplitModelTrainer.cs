using System.Diagnostics;
using Lib.Display;
using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Splits.Train;

/// <summary>
/// Trains a <see cref="SiameseLstm"/> on one fold's clip pairs: the classifier with binary cross-entropy on the logit
/// (validation loss, accuracy and macro F1 at 0.5, as the original's <c>classification_report</c>), the regressor
/// with MSE on the offset in tens of seconds (validation MAE in seconds); Adam; early stopping on the validation
/// track's loss with the best epoch's weights restored (without a validation track, every epoch runs).
/// </summary>
public static class SplitModelTrainer
{
    /// <summary>The monitored metric.</summary>
    public const string Monitor = "val_loss";

    /// <summary>The engine's strategy (<c>--device cpu</c>, the default).</summary>
    public static IFitStrategy<SiameseLstm, SplitBatch, SplitsTrainOptions> Engine { get; } =
        new EngineFit<SiameseLstm, SplitBatch, SplitsTrainOptions>(
            (network, b) => network.Forward(b.Source, b.Target),
            (output, b, options) => Loss(output, b.Label, options.Task)
        );

    /// <summary>A run's model, learning curve and samples.</summary>
    public sealed record Result(SplitModel Model, TrainingHistory History, SplitSamples Samples);

    /// <summary>Trains on <paramref name="fold"/>'s training tracks of <paramref name="videos"/>; with
    /// <paramref name="checkpoints"/>, the trainer's checkpoints (last and best epoch) go to that folder, and
    /// <paramref name="resumeFrom"/> continues from one (<c>last</c>: that folder's last); <paramref name="fit"/>
    /// trains on the engine (null, the default) or on the twin (<c>Lib.Torch.Splits.TorchSplitsFit</c>).</summary>
    /// <exception cref="ArgumentException">Videos of different feature sizes, or no training pairs.</exception>
    public static Result Train(
        IReadOnlyList<SplitVideo> videos,
        TrackFold fold,
        SplitsTrainOptions options,
        string feature,
        IProgressReporter? progress = null,
        string? checkpoints = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<SiameseLstm, SplitBatch, SplitsTrainOptions>? fit = null,
        string? resumeFrom = null
    )
    {
        ArgumentNullException.ThrowIfNull(videos);
        fit ??= Engine;
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentNullException.ThrowIfNull(options);
        if (options.AddPositionFeature || options.AddPercentCompletionFeature)
            videos =
            [
                .. videos.Select(v =>
                    v with
                    {
                        Features = FramePositions.Append(
                            v.Features,
                            options.AddPositionFeature,
                            options.AddPercentCompletionFeature
                        ),
                    }
                ),
            ];
        var dims = videos.Select(v => v.Features.Dim).Distinct().ToList();
        if (dims.Count != 1)
            throw new ArgumentException($"Videos have different feature sizes: {string.Join(", ", dims)}.");
        var samples = SplitsDatasetStep.Run([.. videos.Select(v => v.Run)], fold, options.Samples, options.Task);
        var train = samples.Train.ToList();
        var generator = new Generator(options.Seed);
        if (options.MaxTrainPairs is int max && train.Count > max)
        {
            var shuffled = train.OrderBy(_ => generator.NextDouble()).ToList();
            train = [.. Enumerable.Range(0, max).Select(i => shuffled[(int)((long)i * shuffled.Count / max)])];
        }
        if (train.Count == 0)
            throw new ArgumentException($"No training pairs on tracks {string.Join(", ", fold.TrainTracks)}.");
        var validation = samples.Validation;

        var trainTracks = fold.TrainTracks.ToHashSet(StringComparer.Ordinal);
        var scale = FeatureScale.Fit(videos.Where(v => trainTracks.Contains(v.TrackId)).Select(v => v.Features));
        var byRun = videos.ToDictionary(v => (v.TrackId, v.RiderId), v => v.Features);
        int clip = options.Samples.ClipLength;
        const double offsetUnit = 240; // frames: the regressor's output is in tens of seconds at 24 fps
        double labelUnit = options.Task == SampleTask.Regressor ? offsetUnit : 1;
        double fps = videos[0].Features.Fps;

        var config = options.ModelConfig(dims[0]);
        var network = new SiameseLstm(config, generator);
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
        var valLoader =
            validation.Count > 0
                ? new DataLoader<ClipPair, SplitBatch>(new ListDataset<ClipPair>(validation), Collate, 256, prefetch: 0)
                : null;
        var watch = Stopwatch.StartNew();
        var history = fit.Fit(
            new FitJob<SiameseLstm, SplitBatch, SplitsTrainOptions>
            {
                Network = network,
                Optimizer = optimizer,
                Train = trainLoader,
                Validation = valLoader,
                Validate = valLoader is null
                    ? null
                    : (forward, loader) => Validate(forward, loader, options.Task, labelUnit / fps),
                Epochs = options.Epochs,
                EarlyStopping = valLoader is null ? null : new EarlyStopping(Monitor, patience: options.Patience),
                RestoreBestWeights = valLoader is not null,
                Checkpoints = checkpoints is null
                    ? null
                    : new CheckpointOptions(checkpoints)
                    {
                        Monitor = valLoader is null ? null : Monitor,
                        SaveTopK = valLoader is null ? 0 : 1,
                    },
                ResumeFrom = resumeFrom,
                Seed = options.Seed,
                Precision = options.Precision,
                Options = options,
                Progress = progress is null
                    ? null
                    : new TrainingProgressReporter(
                        progress,
                        $"training the split {options.Task.ToString().ToLowerInvariant()}"
                    ),
                CancellationToken = cancellationToken,
            }
        );
        watch.Stop();
        network.Eval();

        var summary = TrainingSummary.Of(
            history,
            options.Epochs,
            valLoader is null ? null : Monitor,
            train.Count,
            validation.Count,
            watch.Elapsed.TotalSeconds,
            network.NumParameters(),
            new Dictionary<string, object?>(options.Parameters()) { ["device"] = fit.Device.Name }
        );
        var card = new ModelCard<SiameseLstmConfig, SplitInputs>
        {
            Format = SplitModel.Format,
            Config = config,
            Inputs = new SplitInputs
            {
                Task = options.Task,
                ClipLength = clip,
                Feature = feature,
                Scale = scale,
                OffsetUnitFrames = offsetUnit,
                TrainTracks = fold.TrainTracks,
                ValidationTrack = fold.ValidationTrack ?? "",
                TestTrack = fold.TestTrack,
                Samples = options.Samples.Parameters(),
                AddPositionFeature = options.AddPositionFeature,
                AddPercentCompletionFeature = options.AddPercentCompletionFeature,
            },
            DataFingerprint = SplitVideo.Fingerprint(videos),
            Training = summary,
            History = history.Epochs,
            Metrics =
                history.Epochs.Count > 0 ? history.Epochs[summary.BestEpoch].Metrics : new Dictionary<string, double>(),
        };
        return new Result(new SplitModel(network, card), history, samples);
    }

    /// <summary>The loss of a batch's outputs: BCE on the logit (classifier) or MSE (regressor).</summary>
    public static Tensor Loss(Tensor output, Tensor label, SampleTask task) =>
        task == SampleTask.Classifier
            ? Functional.BinaryCrossEntropyWithLogits(output, label)
            : Functional.MseLoss(output, label);

    static Dictionary<string, double> Validate(
        Func<SplitBatch, float[]> forward,
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
            int count = b.Label.Size(0);
            var o = forward(b);
            var output = Tensor.Wrap(o, count);
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
        var metrics = new Dictionary<string, double> { [Monitor] = loss / Math.Max(1, n) };
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
