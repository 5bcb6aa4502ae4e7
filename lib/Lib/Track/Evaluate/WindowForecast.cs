using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>One test window's actual peak, the model's forecast and each baseline's, in the event's unit.</summary>
public sealed record WindowForecast(Window Window, double Actual, double Model, IReadOnlyDictionary<Baseline, double> Baselines)
{
    /// <summary>A predictor's forecast by its name: <c>model</c> or a baseline's <see cref="Evaluate.Baselines.Name"/>.</summary>
    public double Of(string predictor) => predictor == PredictorScore.ModelName ? Model
        : Baselines.First(b => b.Key.Name() == predictor).Value;
}
