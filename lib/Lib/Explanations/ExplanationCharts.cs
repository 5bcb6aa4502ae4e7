using Lib.Charts;
using Lib.Tensors;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Explanations;

/// <summary>
/// Charts of explanations (Plotly.NET): the SHAP summary (beeswarm) and permutation importances as bars.
/// </summary>
public static class ExplanationCharts
{
    /// <summary>
    /// The SHAP summary: one row per feature, most important (mean |φ|) at the top, one point per explained row at
    /// its φ, spread vertically by a seeded jitter and coloured by the feature's value within its own range (blue
    /// low, red high), as the <c>shap</c> package's beeswarm plot.
    /// </summary>
    /// <param name="explanation">The SHAP values.</param>
    /// <param name="maxFeatures">Show at most this many features (the most important).</param>
    /// <exception cref="ArgumentException">The explanation has no rows.</exception>
    public static GenericChart Beeswarm(ShapExplanation explanation, int maxFeatures = 20)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFeatures, 1);
        if (explanation.Rows.Count == 0)
            throw new ArgumentException("The explanation has no rows to chart.", nameof(explanation));
        var importance = explanation.MeanAbsolute();
        var shown = Enumerable
            .Range(0, explanation.FeatureNames.Count)
            .OrderByDescending(j => importance[j])
            .Take(maxFeatures)
            .ToList();
        var jitter = new Generator(0);
        var traces = new List<GenericChart>();
        for (int rank = 0; rank < shown.Count; rank++)
        {
            int j = shown[rank];
            double row = shown.Count - 1 - rank;
            var phi = explanation.Values.Select(v => v[j]).ToArray();
            var value = explanation.Rows.Select(r => r[j]).ToArray();
            double lo = value.Min(),
                hi = value.Max();
            var colour = value.Select(x => hi > lo ? (x - lo) / (hi - lo) : 0.5).ToArray();
            var y = phi.Select(_ => row + (jitter.NextDouble() - 0.5) * 0.6).ToArray();
            var name = explanation.FeatureNames[j];
            var marker = new Dictionary<string, object>
            {
                ["color"] = colour,
                ["colorscale"] = new object[] { new object[] { 0, "#008bfb" }, new object[] { 1, "#ff0051" } },
                ["cmin"] = 0,
                ["cmax"] = 1,
                ["size"] = 6,
                ["showscale"] = rank == 0,
            };
            if (rank == 0)
                marker["colorbar"] = new Dictionary<string, object>
                {
                    ["title"] = new Dictionary<string, object> { ["text"] = "feature value" },
                    ["tickvals"] = new[] { 0, 1 },
                    ["ticktext"] = new[] { "low", "high" },
                };
            traces.Add(
                Chart
                    .Point<double, double, string>(phi, y, Name: name)
                    .WithTraceProperty("marker", marker)
                    .WithTraceProperty(
                        "hovertext",
                        phi.Select((p, i) => $"{name} = {value[i]:G4}, SHAP {p:G4}").ToArray()
                    )
            );
        }
        return Chart
            .Combine(traces)
            .WithTitle($"SHAP values (base value {explanation.BaseValue:G4})")
            .WithAxisTitles("SHAP value (impact on the prediction)")
            .WithLayoutProperty(
                "yaxis",
                new Dictionary<string, object>
                {
                    ["tickvals"] = Enumerable.Range(0, shown.Count).ToArray(),
                    ["ticktext"] = shown.Select(j => explanation.FeatureNames[j]).Reverse().ToArray(),
                    ["zeroline"] = false,
                }
            )
            .WithLayoutProperty("showlegend", false)
            .WithHeight(Math.Max(300, 40 * shown.Count + 120));
    }

    /// <summary>
    /// Permutation importances as horizontal bars, most important at the top, with ± one standard deviation over
    /// the repeats.
    /// </summary>
    public static GenericChart Importance(PermutationImportance importance)
    {
        ArgumentNullException.ThrowIfNull(importance);
        var ordered = importance.Features.OrderBy(f => f.Mean).ToList();
        return Chart
            .Bar<double, string, string>(
                ordered.Select(f => f.Mean).ToArray(),
                Keys: ordered.Select(f => f.Feature).ToArray(),
                Name: "importance"
            )
            .WithTraceProperty(
                "error_x",
                new Dictionary<string, object>
                {
                    ["type"] = "data",
                    ["array"] = ordered.Select(f => f.StandardDeviation).ToArray(),
                }
            )
            .WithTitle($"Permutation importance (baseline loss {importance.BaselineLoss:G4})")
            .WithAxisTitles("rise in loss when shuffled")
            .WithHeight(Math.Max(300, 30 * ordered.Count + 120));
    }
}
