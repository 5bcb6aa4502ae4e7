using Lib.Track.Model;
using Lib.Workflow;

namespace Lib.Track.Evaluate;

/// <summary>
/// How well one predictor did on the test windows, every number through <see cref="RegressionMetrics"/>: the pooled
/// error in
/// percent of the actual peak (mean over windows), and the mean absolute error in native units (seconds, metres,
/// points)
/// per event and per event family (the groups whose units agree).
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
    IReadOnlyDictionary<string, double> PercentByEvent
)
{
    /// <summary>Percent error by event family.</summary>
    public IReadOnlyDictionary<string, double> PercentByFamily { get; init; } = new Dictionary<string, double>();

    /// <summary>Windows by event family.</summary>
    public IReadOnlyDictionary<string, int> CountByFamily { get; init; } = new Dictionary<string, int>();

    /// <summary>The model's name in tables.</summary>
    public const string ModelName = TrackModel.PredictorName;

    /// <summary>Scores <paramref name="predictor"/> on <paramref name="forecasts"/>.</summary>
    public static PredictorScore Of(string predictor, IReadOnlyList<WindowForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0)
            throw new ArgumentException("No forecasts to score.", nameof(forecasts));
        RegressionMetrics Metrics(IEnumerable<WindowForecast> group)
        {
            var list = group.ToList();
            return RegressionMetrics.Compute([.. list.Select(f => f.Of(predictor))], [.. list.Select(f => f.Actual)]);
        }
        Dictionary<string, RegressionMetrics> By(Func<WindowForecast, string> key) =>
            forecasts.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, Metrics);
        var byEvent = By(f => f.Window.History.Event.Code);
        var byFamily = By(f => f.Window.History.Event.Family.ToString());
        return new PredictorScore(
            predictor,
            Metrics(forecasts).PercentError,
            By(f => f.Window.History.Event.Family.ToString()).ToDictionary(kv => kv.Key, kv => kv.Value.Mae),
            byEvent.ToDictionary(kv => kv.Key, kv => kv.Value.Mae),
            byEvent.ToDictionary(kv => kv.Key, kv => kv.Value.PercentError)
        )
        {
            PercentByFamily = byFamily.ToDictionary(kv => kv.Key, kv => kv.Value.PercentError),
            CountByFamily = forecasts
                .GroupBy(f => f.Window.History.Event.Family.ToString())
                .ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
