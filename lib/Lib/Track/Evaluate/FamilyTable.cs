using System.Globalization;
using System.Text;

namespace Lib.Track.Evaluate;

/// <summary>
/// The percent error of the model and of each baseline per event family and pooled, as a Markdown table with one row
/// per family (and <c>all</c>): what the closing notes and the cross-check print.
/// </summary>
public static class FamilyTable
{
    /// <summary>The rows of <paramref name="gender"/> (scores: the model first, then the baselines), with a header when
    /// <paramref name="header"/>.</summary>
    public static string Markdown(string gender, IReadOnlyList<PredictorScore> scores, bool header = true)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
            throw new ArgumentException("No scores to tabulate.", nameof(scores));
        var text = new StringBuilder();
        if (header)
        {
            text.AppendLine(
                "| gender | family | windows | " + string.Join(" | ", scores.Select(s => s.Predictor + " %")) + " |"
            );
            text.AppendLine("|---|---|---:|" + string.Concat(scores.Select(_ => "---:|")));
        }
        string Cell(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        foreach (var family in scores[0].PercentByFamily.Keys)
            text.AppendLine(
                $"| {gender} | {family} | {scores[0].CountByFamily.GetValueOrDefault(family)} | "
                    + string.Join(" | ", scores.Select(s => Cell(s.PercentByFamily[family])))
                    + " |"
            );
        text.AppendLine(
            $"| {gender} | **all** | {scores[0].CountByFamily.Values.Sum()} | "
                + string.Join(" | ", scores.Select(s => Cell(s.PercentError)))
                + " |"
        );
        return text.ToString();
    }

    /// <summary>How much lower the model's pooled error is than the best baseline's, in percent of the
    /// latter.</summary>
    public static double GainOverBestBaseline(IReadOnlyList<PredictorScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var best = scores.Skip(1).Min(s => s.PercentError);
        return (best - scores[0].PercentError) / best * 100;
    }
}
