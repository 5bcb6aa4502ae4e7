using Lib.Climbing.Domain;
using Lib.Climbing.Model;
using Lib.Explanations;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// Explains a grade model's predictions by groups of each route's holds, with KernelSHAP: the features are
/// <see cref="Groups"/> (start holds, the lower and the upper half of the hand holds by height, foot holds, finish
/// holds), a feature "absent" is the route without that group's holds, and the background is the route with no holds
/// at all (its board and angle alone). So a route's SHAP values share out the difference between its predicted
/// difficulty and that of its empty wall (<see cref="ShapExplanation.RowBaseValues"/>) among the groups, exactly
/// (every coalition of the five groups is evaluated). The explained rows hold each group's number of holds, which a
/// beeswarm colours by.
/// </summary>
/// <example><code>
/// var shap = HoldGroupShap.Explain(model, data.Routes(SplitName.Test).Take(200).ToList());
/// ExplanationCharts.Beeswarm(shap)
/// </code></example>
public static class HoldGroupShap
{
    /// <summary>The features: groups of a route's holds.</summary>
    public static IReadOnlyList<string> Groups { get; } =
        ["start holds", "lower hand holds", "upper hand holds", "foot holds", "finish holds"];

    /// <summary>The SHAP values of <paramref name="model"/>'s predicted difficulty for each route.</summary>
    /// <exception cref="KeyNotFoundException">The model does not know a route's board or one of its holds.</exception>
    public static ShapExplanation Explain(GradeModel model, IReadOnlyList<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(routes);
        var rows = new List<double[]>(routes.Count);
        var predictions = new List<double>(routes.Count);
        var values = new List<double[]>(routes.Count);
        var bases = new List<double>(routes.Count);
        double[] empty = new double[Groups.Count];
        foreach (var route in routes)
        {
            var group = GroupOf(route);
            var explainer = new KernelShap(
                masks => model.Predict([.. masks.Select(mask => Keep(route, group, mask))]),
                [empty],
                Groups
            );
            var row = new double[Groups.Count];
            foreach (int g in group)
                row[g]++;
            var explained = explainer.Explain([Enumerable.Repeat(1.0, Groups.Count).ToArray()]);
            rows.Add(row);
            predictions.Add(explained.Predictions[0]);
            values.Add(explained.Values[0]);
            bases.Add(explainer.BaseValue);
        }
        return new ShapExplanation(Groups, bases.Count == 0 ? 0 : bases.Average(), rows, predictions, values)
        {
            RowBaseValues = bases,
        };
    }

    /// <summary>Each hold's group: by role, hand holds split at the median height of the route's hand holds.</summary>
    private static int[] GroupOf(Route route)
    {
        var handHeights = route.Holds.Where(h => h.Role == HoldRole.Middle).Select(h => h.Y).Order().ToList();
        double median = handHeights.Count == 0 ? 0 : handHeights[(handHeights.Count - 1) / 2];
        return
        [
            .. route.Holds.Select(h =>
                h.Role switch
                {
                    HoldRole.Start => 0,
                    HoldRole.Middle => h.Y <= median ? 1 : 2,
                    HoldRole.Foot => 3,
                    _ => 4,
                }
            ),
        ];
    }

    /// <summary>The route with only the holds whose group the mask keeps (mask value 1).</summary>
    private static Route Keep(Route route, int[] group, double[] mask) =>
        route with
        {
            Holds = [.. route.Holds.Where((_, i) => mask[group[i]] > 0.5)],
        };
}
