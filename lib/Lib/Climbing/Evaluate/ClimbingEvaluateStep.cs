using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Tracking;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// The evaluate step, the one orchestration <c>lab climbing evaluate</c> (and <c>lab climbing train</c>, after
/// training) and
/// <c>notebooks/climbing/04-evaluate.dib</c> call: the saved model folder against both baselines on a split of the data
/// it
/// was trained on (<see cref="SplitEvaluation"/>), its metrics and predictions written beside the model and the run
/// recorded (<see cref="TrainingRunLog"/>).
/// </summary>
public static class ClimbingEvaluateStep
{
    /// <summary>
    /// Loads <paramref name="modelFolder"/> and evaluates it and both baselines (fitted on the training split) on
    /// <paramref name="split"/> of <paramref name="data"/>, the data it was trained on; writes <c>predictions.csv</c>,
    /// <c>metrics.json</c> and <c>metrics.csv</c> into the folder and, given <paramref name="runsRoot"/>, records the
    /// run there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was trained on other data (its card's fingerprint
    /// differs).</exception>
    public static ModelEvaluation Run(
        ClimbingData data,
        string modelFolder,
        string? runsRoot = null,
        SplitName split = SplitName.Test
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = GradeModel.Load(modelFolder);
        if (model.Card.DataFingerprint != data.Fingerprint)
            throw new InvalidOperationException(
                $"{modelFolder} was trained on other data (fingerprint {model.Card.DataFingerprint[..12]}, this "
                    + $"data {data.Fingerprint[..12]}): "
                    + "evaluate it on the data and token options it was trained with, or train it again."
            );
        var evaluation = SplitEvaluation.Run(data, model, split);
        SplitEvaluation.Write(evaluation, modelFolder);
        var run = runsRoot is null ? null : TrainingRunLog.Log(new TrackingStore(runsRoot), model, evaluation);
        return new ModelEvaluation(model, evaluation, run);
    }

    /// <summary>
    /// Evaluates the saved model on a route file the model folder alone can read (MoonBoard problems, or Kilter climbs
    /// graded by <paramref name="statsPath"/>, <see cref="RouteFiles"/>): the same metrics as training's evaluation
    /// (overall, per board, per board and angle), written as JSON to <paramref name="metricsPath"/> and as CSV beside
    /// it (same name, <c>.csv</c>), each atomically. Baselines need the training data, so only the model is scored.
    /// Routes without a grade are counted, not scored; refused records are listed.
    /// </summary>
    /// <exception cref="ArgumentException">No graded route in the file.</exception>
    public static FileEvaluation RunFile(
        string modelFolder,
        string inputPath,
        string metricsPath,
        string? statsPath = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricsPath);
        var model = GradeModel.Load(modelFolder);
        var (format, routes, rejected) = RouteFiles.Read(model, inputPath, statsPath);
        var graded = routes.Where(r => r.Difficulty is not null).ToList();
        if (graded.Count == 0)
            throw new ArgumentException(
                $"{inputPath}: no graded route to evaluate ({routes.Count} routes read, {rejected.Count} refused"
                    + (
                        format == "Kilter climbs" && statsPath is null
                            ? "; Kilter climbs need --stats for grades)"
                            : ")"
                    )
            );
        var evaluation = Evaluation.Run(graded, [model], model.Grades);
        var csv = Path.ChangeExtension(metricsPath, ".csv");
        var folder = Path.GetDirectoryName(Path.GetFullPath(metricsPath));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        evaluation.WriteMetrics(metricsPath, csv);
        return new FileEvaluation(evaluation, format, routes.Count - graded.Count, rejected, metricsPath, csv);
    }
}
