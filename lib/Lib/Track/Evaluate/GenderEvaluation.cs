using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Workflow;

namespace Lib.Track.Evaluate;

/// <summary>
/// One gender's model on its held-out test seasons, next to the baselines on exactly the same windows.
/// </summary>
/// <param name="Gender">Men or women.</param>
/// <param name="TestSeasons">The test seasons.</param>
/// <param name="Forecasts">Every test window with the model's and each baseline's forecast.</param>
/// <param name="Dropped">Test windows left out because their event has no head (it had no training windows).</param>
/// <param name="Scores">The model's score first, then each baseline's.</param>
/// <param name="Card">The model's card (its training summary, history, settings).</param>
/// <param name="SameData">Whether the cache's data is the data the model was trained on (its fingerprint
/// matches).</param>
public sealed record GenderEvaluation(
    Gender Gender,
    IReadOnlyList<string> TestSeasons,
    IReadOnlyList<WindowForecast> Forecasts,
    int Dropped,
    IReadOnlyList<PredictorScore> Scores,
    ModelCard<TrackModelConfig, TrackInputs> Card,
    bool SameData
)
{
    /// <summary>The model's score.</summary>
    public PredictorScore Model => Scores[0];

    /// <summary><c>men</c> or <c>women</c>.</summary>
    public string Who => TrackModels.Name(Gender);

    /// <summary>True when the model's pooled percent error is below every baseline's.</summary>
    public bool BeatsEveryBaseline => Scores.Skip(1).All(s => Model.PercentError < s.PercentError);
}
