using Lib.Climbing.Evaluate;
using Lib.Climbing.Model;
using Lib.Tensors.Training;
using Lib.Tracking;

namespace Lib.Climbing.Train;

/// <summary>Records a training run in the MLflow-compatible store (experiment <c>climbing</c>): options, every epoch's loss and validation MAE, and the test metrics.</summary>
public static class TrainingRunLog
{
    /// <summary>The experiment name.</summary>
    public const string Experiment = "climbing";

    /// <summary>Logs one run and returns its record (for <see cref="RunRecord.HistoryChart"/>).</summary>
    public static RunRecord Log(TrackingStore store, TrainOptions options, GradeModel model, TrainingHistory history, Evaluation? test = null, string? runName = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        using var run = store.StartRun(Experiment, runName ?? "grade-transformer");
        run.LogParams(new Dictionary<string, object?>
        {
            ["epochs"] = options.Epochs, ["batch_size"] = options.BatchSize, ["learning_rate"] = options.LearningRate,
            ["weight_decay"] = options.WeightDecay, ["warmup_fraction"] = options.WarmupFraction, ["clip_norm"] = options.ClipNorm,
            ["patience"] = options.Patience, ["seed"] = options.Seed, ["d_model"] = options.DModel, ["nhead"] = options.NHead,
            ["num_layers"] = options.NumLayers, ["dim_feedforward"] = options.DimFeedforward, ["dropout"] = options.Dropout,
            ["parameters"] = model.Network.NumParameters(), ["vocabulary"] = model.Vocabulary.Count,
            ["train_routes"] = model.Card.Training?.TrainRoutes,
        });
        foreach (var e in history.Epochs)
        {
            run.LogMetric(EpochRecord.TrainLossName, e.TrainLoss, e.Epoch);
            foreach (var (k, v) in e.Metrics) run.LogMetric(k, v, e.Epoch);
        }
        if (model.Card.Training is { } t) run.LogMetric("train_seconds", t.Seconds);
        if (test is not null)
            foreach (var m in test.Metrics.Where(m => m.Scope != "board+angle"))
            {
                var prefix = m.Group == "all" ? "test" : $"test_{m.Group}";
                var who = m.Predictor switch { "transformer" => "", "mean baseline" => "_mean_baseline", _ => "_linear_baseline" };
                run.LogMetric($"{prefix}_mae{who}", m.Mae);
            }
        return run.Record();
    }
}
