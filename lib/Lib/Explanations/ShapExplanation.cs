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
public sealed record ShapExplanation(
    IReadOnlyList<string> FeatureNames,
    double BaseValue,
    IReadOnlyList<double[]> Rows,
    IReadOnlyList<double> Predictions,
    IReadOnlyList<double[]> Values
)
{
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
