using Lib.Track.Evaluate;

namespace Lib.Track.Predict;

/// <summary>
/// A scored cross-check: per gender the forecasts of the batch command next to the baselines computed from exactly the
/// history each forecast read, scored like the test seasons (<see cref="PredictorScore"/>: pooled percent error, MAE
/// and percent error per family and event).
/// </summary>
/// <param name="Genders">One entry per gender with forecasts.</param>
/// <param name="Requested">Rows of <c>truth.csv</c>.</param>
/// <param name="NotForecast">Truth rows without a forecast (the batch command rejected the request).</param>
public sealed record CrossCheckReport(IReadOnlyList<CrossCheckGender> Genders, int Requested, int NotForecast)
{
    /// <summary>The per-family table of every gender (<see cref="FamilyTable"/>) and a line per gender comparing the
    /// model with the best baseline.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Genders.Count; i++)
            text.Append(FamilyTable.Markdown(Genders[i].Gender, Genders[i].Scores, header: i == 0));
        text.AppendLine();
        foreach (var g in Genders)
        {
            var gain = FamilyTable.GainOverBestBaseline(g.Scores);
            text.AppendLine(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{g.Gender}: model {g.Model.PercentError:0.000}% vs best baseline ({g.BestBaseline.Predictor}) "
                        + $"{g.BestBaseline.PercentError:0.000}% on {g.Forecasts.Count} forecasts: "
                        + $"{Math.Abs(gain):0.0}% {(gain >= 0 ? "lower" : "higher")}"
                )
            );
        }
        text.Append(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Requested} requests with a known outcome, {NotForecast} not forecast (see forecasts.rejected.csv)."
        );
        return text.ToString();
    }
}

/// <summary>One gender's cross-check.</summary>
/// <param name="Gender"><c>men</c> or <c>women</c>.</param>
/// <param name="Forecasts">The forecasts scored, each with every predictor's value.</param>
/// <param name="Scores">The model's score first, then each baseline's.</param>
public sealed record CrossCheckGender(
    string Gender,
    IReadOnlyList<WindowForecast> Forecasts,
    IReadOnlyList<PredictorScore> Scores
)
{
    /// <summary>The model's score.</summary>
    public PredictorScore Model => Scores[0];

    /// <summary>The baseline with the least pooled error.</summary>
    public PredictorScore BestBaseline => Scores.Skip(1).MinBy(s => s.PercentError)!;
}
