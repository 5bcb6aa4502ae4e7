using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Ingest;
using Lib.Climbing.Model;

namespace Lib.Climbing.Evaluate;

/// <summary>The standard comparison: the trained model against both baselines (fitted on the training split) on one split.</summary>
public static class SplitEvaluation
{
    /// <summary>The routes of a split, as rows of the route table.</summary>
    public static IReadOnlyList<Route> Routes(ClimbingData data, SplitName split)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Split(split).Select(t => data.RoutesByKey[t.Key])];
    }

    /// <summary>The Transformer, the mean baseline and the linear baseline on <paramref name="split"/> (test by default).</summary>
    public static Evaluation Run(ClimbingData data, GradeModel model, SplitName split = SplitName.Test)
    {
        ArgumentNullException.ThrowIfNull(model);
        var train = Routes(data, SplitName.Train);
        IGradePredictor[] predictors = [new TransformerPredictor(model), new MeanBaseline(train), new LinearBaseline(train)];
        return Evaluation.Run(Routes(data, split), predictors, data.Table.Scale());
    }

    /// <summary>Writes <c>predictions.csv</c>, <c>metrics.json</c> and <c>metrics.csv</c> into <paramref name="folder"/>.</summary>
    public static void Write(Evaluation evaluation, string folder)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Directory.CreateDirectory(folder);
        evaluation.WritePredictions(Path.Combine(folder, "predictions.csv"));
        evaluation.WriteMetrics(Path.Combine(folder, "metrics.json"), Path.Combine(folder, "metrics.csv"));
    }
}
