using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Model;
using Lib.Workflow;

namespace Lib.Track.Evaluate;

/// <summary>
/// Scores a trained model on its test seasons: the windows of its gender whose target season is a test season (by the
/// split recorded in its card), the forecast of the model and of every baseline (each an
/// <see cref="IPredictor{TInput}"/>
/// of windows) for each of those windows, and the scores.
/// </summary>
public static class TrackEvaluation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/>.</summary>
    public static GenderEvaluation Run(TrackData data, TrackModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var plan = model.Inputs.Split();
        var test = plan.Select(Windows.Build(data.Of(model.Gender), model.Config.Seasons), WindowSplit.Test);
        var known = test.Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();
        if (known.Count == 0)
            throw new InvalidOperationException(
                $"No {model.Gender} windows forecast the test seasons ({string.Join(", ", plan.Test)}) in the "
                    + "model's events."
            );
        IReadOnlyList<IPredictor<Window>> predictors = [model, .. Baselines.All];
        var predictions = predictors.Select(p => p.Predict(known)).ToList();
        var forecasts = known
            .Select(
                (w, i) =>
                    new WindowForecast(
                        w,
                        w.Actual,
                        predictors
                            .Select((p, j) => (p.Name, Value: predictions[j][i]))
                            .ToDictionary(x => x.Name, x => x.Value)
                    )
            )
            .ToList();
        var scores = predictors.Select(p => PredictorScore.Of(p.Name, forecasts)).ToList();
        return new GenderEvaluation(
            model.Gender,
            [.. plan.Test.Select(s => s.ToString())],
            forecasts,
            test.Count - known.Count,
            scores,
            model.Card,
            data.Fingerprint == model.Card.DataFingerprint
        );
    }
}
