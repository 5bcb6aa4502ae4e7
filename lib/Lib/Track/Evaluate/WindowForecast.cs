using Lib.Track.Dataset;
using Lib.Track.Model;

namespace Lib.Track.Evaluate;

/// <summary>One test window's actual peak and every predictor's forecast of it (the model's and each baseline's), by
/// predictor name, in the event's unit.</summary>
public sealed record WindowForecast(Window Window, double Actual, IReadOnlyDictionary<string, double> Forecasts)
{
    /// <summary>The model's forecast.</summary>
    public double Model => Of(TrackModel.PredictorName);

    /// <summary>A predictor's forecast by its name: <c>model</c> or a baseline's
    /// <see cref="WindowBaseline.Name"/>.</summary>
    public double Of(string predictor) =>
        Forecasts.TryGetValue(predictor, out var value)
            ? value
            : throw new KeyNotFoundException(
                $"No forecast of '{predictor}' for {Window}; predictors: {string.Join(", ", Forecasts.Keys)}."
            );
}
