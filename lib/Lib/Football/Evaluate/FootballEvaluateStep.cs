using Lib.Display;
using Lib.Football.Dataset;
using Lib.Football.Model;

namespace Lib.Football.Evaluate;

/// <summary>
/// The football evaluation step: the trained model and the three baselines (<see cref="TrajectoryBaselines"/>) on
/// the held-out games' samples (every 0.5 s through pass and run plays), scored per player at 1 s and 2 s
/// (<see cref="NodeErrors"/>, <see cref="TrajectoryScore"/>) over all players, per position group and per play type,
/// plus the coverage head against the training base rate.
/// </summary>
public static class FootballEvaluateStep
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/>'s <paramref name="split"/>
    /// samples.</summary>
    public static FootballEvaluation Run(
        FootballData data,
        FootballModel model,
        DataSplit split = DataSplit.Test,
        IProgressReporter? progress = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var samples = data.Of(split);
        if (samples.Count == 0)
            throw new InvalidOperationException($"The {split} split has no samples to evaluate.");
        ITrajectoryPredictor[] predictors = [model, .. TrajectoryBaselines.All];
        var errors = predictors.ToDictionary(p => p.Name, _ => new List<NodeErrors>());
        var stepSums = predictors.ToDictionary(p => p.Name, _ => new double[data.Options.Horizon]);
        var stepCounts = new double[data.Options.Horizon];
        var probabilities = new List<double>();
        var labels = new List<bool>();
        TrajectoryBatch? example = null;
        Dictionary<string, TrajectoryForecast>? exampleForecasts = null;
        var chunks = samples.Chunk(64).ToList();
        var task = progress?.Start($"evaluating on {samples.Count} {split} samples", chunks.Count);
        foreach (var chunk in chunks)
        {
            var batch = TrajectoryFeatures.Of(FootballBatch.Collate(chunk));
            var forecasts = predictors.ToDictionary(p => p.Name, p => p.Forecast(batch));
            foreach (var (name, forecast) in forecasts)
            {
                errors[name].AddRange(NodeErrors.Of(batch, forecast));
                AddSteps(batch, forecast, stepSums[name], name == model.Name ? stepCounts : null);
            }
            var coverage = forecasts[model.Name].Coverage!;
            for (int s = 0; s < batch.Scenes.Count; s++)
                if (batch.CoverageMask.Data[s] != 0f)
                {
                    probabilities.Add(coverage[s]);
                    labels.Add(batch.CoverageLabels.Data[s] != 0f);
                }
            example ??= batch;
            exampleForecasts ??= forecasts;
            task?.Advance();
        }
        task?.Complete();

        var rows = new List<ScoreRow>();
        foreach (var p in predictors)
        {
            var list = errors[p.Name];
            rows.Add(new ScoreRow(p.Name, "all", TrajectoryScore.Of(list)));
            foreach (var g in list.GroupBy(e => e.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
                rows.Add(new ScoreRow(p.Name, $"group {g.Key}", TrajectoryScore.Of(g)));
            foreach (var g in list.GroupBy(e => e.PlayType).OrderBy(g => g.Key, StringComparer.Ordinal))
                rows.Add(new ScoreRow(p.Name, $"play {g.Key}", TrajectoryScore.Of(g)));
        }
        var train = data.Of(DataSplit.Train).Where(s => s.Coverage is not null).ToList();
        double baseRate = train.Count == 0 ? 0.5 : train.Average(s => s.Coverage!.TightWindow ? 1.0 : 0.0);
        var coverageScore = labels.Count == 0 ? null : CoverageScore.Of(probabilities, labels, baseRate);
        var byStep = stepSums.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select((sum, s) => stepCounts[s] == 0 ? double.NaN : sum / stepCounts[s]).ToArray()
        );
        return new FootballEvaluation(
            split.ToString().ToLowerInvariant(),
            samples.Count,
            rows,
            coverageScore,
            byStep,
            example!,
            exampleForecasts!
        );
    }

    // Adds each real player step's point-forecast error to sums (and counts it once, for the model).
    private static void AddSteps(TrajectoryBatch batch, TrajectoryForecast forecast, double[] sums, double[]? counts)
    {
        int horizon = batch.Horizon;
        var target = batch.Targets.Data;
        var mask = batch.TargetMask.Data;
        for (int i = 0; i < forecast.Nodes; i++)
        {
            int top = forecast.TopMode(i);
            for (int s = 0; s < horizon; s++)
            {
                if (mask[i * horizon + s] == 0f)
                    continue;
                var (x, y) = forecast.At(i, top, s);
                double dx = x - target[(i * horizon + s) * 2],
                    dy = y - target[(i * horizon + s) * 2 + 1];
                sums[s] += Math.Sqrt(dx * dx + dy * dy);
                if (counts is not null)
                    counts[s]++;
            }
        }
    }
}
