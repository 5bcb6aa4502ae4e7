using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Model;
using Lib.Track.Scrape;

namespace Lib.Track.Evaluate;

/// <summary>
/// Scores a trained model on its test seasons: the windows of its gender whose target season is a test season (by the
/// split recorded in its meta), the model's forecast and every baseline's for each of those windows, and the scores.
/// </summary>
public static class TrackEvaluation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/>.</summary>
    public static GenderEvaluation Run(TrackData data, TrackModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var gender = GenderCodes.FromText(model.Meta.Gender) ?? throw new InvalidDataException($"The model's gender '{model.Meta.Gender}' is not M or F.");
        var plan = model.Meta.Split();
        var test = plan.Select(Windows.Build(data.Of(gender), model.Meta.Config.Seasons), WindowSplit.Test);
        var known = test.Where(w => model.Encoder.Knows(w.Family.Event.Code)).ToList();
        if (known.Count == 0) throw new InvalidOperationException($"No {gender} windows forecast the test seasons ({string.Join(", ", plan.Test)}) in the model's events.");
        var predictions = model.Predict([.. known.Select(model.Encoder.Encode)]);
        var forecasts = known.Select((w, i) => new WindowForecast(w, w.Actual, predictions[i], Baselines.All.ToDictionary(b => b, b => b.Predict(w)))).ToList();
        var scores = new List<PredictorScore> { PredictorScore.Of(PredictorScore.ModelName, forecasts) };
        scores.AddRange(Baselines.All.Select(b => PredictorScore.Of(b.Name(), forecasts)));
        return new GenderEvaluation(model.Meta.Gender, [.. plan.Test.Select(s => s.ToString())], forecasts, test.Count - known.Count, scores, model.Meta,
            data.Fingerprint == model.Meta.DataFingerprint);
    }
}
