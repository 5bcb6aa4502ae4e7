using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Explanations;

/// <summary>
/// SHAP values of explained rows: per row and feature, that feature's share of the prediction's distance from the
/// base value, so that <see cref="BaseValue"/> + Σ_j <see cref="Values"/>[i][j] = <see cref="Predictions"/>[i].
/// </summary>
/// <param name="FeatureNames">One name per column.</param>
/// <param name="BaseValue">The mean prediction over the background sample: E[f(x)].</param>
/// <param name="Rows">The explained rows.</param>
/// <param name="Predictions">f(x) per explained row.</param>
/// <param name="Values">φ per row and feature.</param>
/// <remarks>
/// When each row was explained against its own background (one explainer per row, as
/// <c>Lib.Climbing.Evaluate.HoldGroupShap</c> does), <see cref="RowBaseValues"/> holds each row's base value, so that
/// <see cref="RowBaseValues"/>[i] + Σ_j <see cref="Values"/>[i][j] = <see cref="Predictions"/>[i], and
/// <see cref="BaseValue"/> is their mean.
/// </remarks>
public sealed record ShapExplanation(
    IReadOnlyList<string> FeatureNames,
    double BaseValue,
    IReadOnlyList<double[]> Rows,
    IReadOnlyList<double> Predictions,
    IReadOnlyList<double[]> Values
)
{
    /// <summary>Each row's own base value when the rows had their own backgrounds; null when they shared one.</summary>
    public IReadOnlyList<double>? RowBaseValues { get; init; }

    /// <summary>The mean |φ| of each feature over the explained rows: a global importance.</summary>
    public double[] MeanAbsolute() =>
        [.. Enumerable.Range(0, FeatureNames.Count).Select(j => Values.Average(v => Math.Abs(v[j])))];

    /// <summary>One row per (explained row, feature): the row's index, the feature, its value and its φ.</summary>
    public DataFrame ToDataFrame() =>
        Enumerable
            .Range(0, Rows.Count)
            .SelectMany(i =>
                FeatureNames.Select(
                    (name, j) =>
                        new
                        {
                            row = i,
                            feature = name,
                            value = Rows[i][j],
                            shap = Values[i][j],
                        }
                )
            )
            .ToDataFrame();
}
