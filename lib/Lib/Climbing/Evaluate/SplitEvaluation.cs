using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Climbing.Model;
using Lib.Workflow;

namespace Lib.Climbing.Evaluate;

/// <summary>The standard comparison: the trained model against both baselines (fitted on the training split) on one
/// split.</summary>
public static class SplitEvaluation
{
    /// <summary>The files <see cref="Write"/> puts into a model folder.</summary>
    public static IReadOnlyList<string> Files { get; } = ["predictions.csv", "metrics.json", "metrics.csv"];

    /// <summary>The Transformer, the mean baseline and the linear baseline on <paramref name="split"/> (test by
    /// default).</summary>
    public static Evaluation Run(ClimbingData data, GradeModel model, SplitName split = SplitName.Test)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var train = data.Routes(SplitName.Train);
        IPredictor<Route>[] predictors = [model, new MeanBaseline(train), new LinearBaseline(train)];
        return Evaluation.Run(data.Routes(split), predictors, data.Table.Scale());
    }

    /// <summary>Writes <see cref="Files"/>: <c>predictions.csv</c>, <c>metrics.json</c> and <c>metrics.csv</c> into
    /// <paramref name="folder"/>.</summary>
    public static void Write(Evaluation evaluation, string folder)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Directory.CreateDirectory(folder);
        evaluation.WritePredictions(Path.Combine(folder, "predictions.csv"));
        evaluation.WriteMetrics(Path.Combine(folder, "metrics.json"), Path.Combine(folder, "metrics.csv"));
    }
}
