namespace Lib.Track.Evaluate;

/// <summary>
/// How well one predictor did on the test windows: the pooled error in percent of the actual peak (mean over windows),
/// and the mean absolute error in native units (seconds, metres, points) per event and per event family.
/// </summary>
/// <param name="Predictor"><c>model</c> or a baseline's name.</param>
/// <param name="PercentError">Mean |forecast − actual| / actual × 100 over all windows.</param>
/// <param name="MaeByFamily">MAE in the family's unit, by event family.</param>
/// <param name="MaeByEvent">MAE in the event's unit, by event code.</param>
/// <param name="PercentByEvent">Percent error by event code.</param>
public sealed record PredictorScore(
    string Predictor,
    double PercentError,
    IReadOnlyDictionary<string, double> MaeByFamily,
    IReadOnlyDictionary<string, double> MaeByEvent,
    IReadOnlyDictionary<string, double> PercentByEvent)
{
    /// <summary>The model's name in tables.</summary>
    public const string ModelName = "model";

    /// <summary>Scores <paramref name="predictor"/> on <paramref name="forecasts"/>.</summary>
    public static PredictorScore Of(string predictor, IReadOnlyList<WindowForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0) throw new ArgumentException("No forecasts to score.", nameof(forecasts));
        double Error(WindowForecast f) => Math.Abs(f.Of(predictor) - f.Actual);
        return new PredictorScore(predictor,
            forecasts.Average(f => Error(f) / f.Actual * 100),
            forecasts.GroupBy(f => f.Window.Family.Event.Family.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(Error)),
            forecasts.GroupBy(f => f.Window.Family.Event.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(Error)),
            forecasts.GroupBy(f => f.Window.Family.Event.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(f => Error(f) / f.Actual * 100)));
    }
}
