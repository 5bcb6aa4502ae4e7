using Lib.Climbing.Model;
using Lib.Tensors.Training;
using Lib.Tracking;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// Records a trained and evaluated model as a run in the MLflow-compatible store (experiment <c>climbing</c>): the
/// training options and sizes from the model's card, every epoch's loss and validation MAE from its learning curve,
/// the training time, and the test MAE of the model and both baselines, overall and per board. It needs only the model
/// (its card carries how it was trained) and its evaluation, so it runs after evaluation.
/// </summary>
public static class TrainingRunLog
{
    /// <summary>The experiment name.</summary>
    public const string Experiment = "climbing";

    /// <summary>Logs one run and returns its record (for <see cref="RunRecord.HistoryChart"/>).</summary>
    public static RunRecord Log(TrackingStore store, GradeModel model, Evaluation evaluation, string? runName = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(evaluation);
        var training = model.Card.Training;
        using var run = store.StartRun(Experiment, runName ?? "grade-transformer");
        run.LogParams(
            new Dictionary<string, object?>(training.Options)
            {
                ["parameters"] = training.Parameters,
                ["vocabulary"] = model.Vocabulary.Count,
                ["train_routes"] = training.TrainSamples,
            }
        );
        foreach (var e in model.Card.History)
        {
            run.LogMetric(EpochRecord.TrainLossName, e.TrainLoss, e.Epoch);
            foreach (var (k, v) in e.Metrics)
                run.LogMetric(k, v, e.Epoch);
        }
        run.LogMetric("train_seconds", training.Seconds);
        foreach (var m in evaluation.Metrics.Where(m => m.Scope != "board+angle"))
        {
            var prefix = m.Group == "all" ? "test" : $"test_{m.Group}";
            var who = m.Predictor switch
            {
                "transformer" => "",
                "mean baseline" => "_mean_baseline",
                _ => "_linear_baseline",
            };
            run.LogMetric($"{prefix}_mae{who}", m.Mae);
        }
        return run.Record();
    }
}
