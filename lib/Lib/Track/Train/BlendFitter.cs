using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Workflow;

namespace Lib.Track.Train;

/// <summary>
/// Fits a <see cref="FamilyBlend"/> on validation windows: for each event family the weight on a grid from 0 (the last
/// peak) to <see cref="MaxWeight"/> that gives the least error in percent of the mark, and the same over all windows as
/// the fallback of families with fewer than <see cref="MinimumWindows"/> windows. Test windows never reach it.
/// </summary>
public static class BlendFitter
{
    /// <summary>The validation windows a family needs for a weight of its own.</summary>
    public const int MinimumWindows = 30;

    /// <summary>The largest weight tried.</summary>
    public const double MaxWeight = 1.5;

    /// <summary>The grid's step.</summary>
    public const double Step = 0.1;

    /// <summary>
    /// The blend of <paramref name="model"/>'s network on <paramref name="validation"/> (windows of events the model
    /// knows).
    /// </summary>
    public static FamilyBlend Fit(TrackModel model, IReadOnlyList<Window> validation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(validation);
        var known = validation.Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();
        if (known.Count == 0)
            throw new InvalidOperationException("No validation windows in the model's events: no blend to fit.");
        var samples = known.Select(model.Encoder.Encode).ToList();
        var z = model.PredictZ(samples);
        var rows = known
            .Select((w, i) => new Row(w.History.Event.Family, model.Inputs.Scales[w.History.Event.Code], z[i],
                samples[i].Base, w.Actual))
            .ToList();
        var pooled = Best(rows);
        var weights = rows.GroupBy(r => r.Family)
            .Where(g => g.Count() >= MinimumWindows)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => Best([.. g]), StringComparer.Ordinal);
        var blend = new FamilyBlend(weights, pooled, MinimumWindows, new BlendValidation(0, 0, 0, rows.Count));
        return blend with
        {
            ValidationError = new BlendValidation(
                Error(rows, _ => 1),
                Error(rows, r => blend.WeightOf(r.Family)),
                Error(rows, _ => 0),
                rows.Count
            ),
        };
    }

    private sealed record Row(EventFamily Family, EventScale Scale, double Z, double Base, double Actual);

    private static double Best(IReadOnlyList<Row> rows)
    {
        var (best, bestError) = (1.0, double.PositiveInfinity);
        for (var k = 0; k * Step <= MaxWeight + 1e-9; k++)
        {
            var weight = Math.Round(k * Step, 2);
            var error = Error(rows, _ => weight);
            if (error < bestError - 1e-12)
                (best, bestError) = (weight, error);
        }
        return best;
    }

    private static double Error(IReadOnlyList<Row> rows, Func<Row, double> weight) =>
        RegressionMetrics
            .Compute(
                [.. rows.Select(r => r.Scale.FromZ(r.Base + weight(r) * (r.Z - r.Base)))],
                [.. rows.Select(r => r.Actual)]
            )
            .PercentError;
}
