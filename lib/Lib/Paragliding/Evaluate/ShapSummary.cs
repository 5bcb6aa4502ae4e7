using Lib.Explanations;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;

namespace Lib.Paragliding.Evaluate;

/// <summary>
/// KernelSHAP of the model's raw P(flight &gt; t) at one threshold over grouped inputs, so that no coalition makes an
/// impossible day: <c>site</c> (the embedding row and the site's features together), <c>day_of_year</c> (sin and cos
/// together), <c>weekday</c> (the one-hot and the weekend flag together), <c>holiday</c>, and with weather each
/// variable at each hour. Background rows are drawn from the training weeks.
/// </summary>
public static class ShapSummary
{
    /// <summary>The grouped feature names for <paramref name="model"/>.</summary>
    public static IReadOnlyList<string> FeatureNames(GlideatorModel model) =>
        [
            "site",
            "day_of_year",
            "weekday",
            "holiday",
            .. WeatherTable.Hours.SelectMany(h => model.Card.Inputs.WeatherVariables.Select(v => $"{v}@{h:D2}")),
        ];

    /// <summary>The grouped row of a sample (weather scaled, as the sample holds it).</summary>
    public static double[] Row(SiteDay s) =>
        [
            s.SiteIndex,
            s.Date.DayOfYear,
            ((int)s.Date.DayOfWeek + 6) % 7,
            s.DateFeatures[3],
            .. s.Weather.Select(v => (double)v),
        ];

    /// <summary>Explains <paramref name="rows"/> test samples at threshold index
    /// <paramref name="threshold"/>.</summary>
    public static ShapExplanation Explain(
        GlideatorModel model,
        IReadOnlyList<SiteDay> background,
        IReadOnlyList<SiteDay> rows,
        int threshold,
        int backgroundSize = 50,
        long seed = 0
    )
    {
        var inputs = model.Card.Inputs;
        double[] Predict(double[][] x)
        {
            var samples = x.Select(r =>
                {
                    int site = (int)Math.Round(r[0]);
                    return new SiteDay(
                        inputs.Sites[site].SiteId,
                        site,
                        DateOnly.MinValue,
                        inputs.SiteFeatures[site],
                        DateFeatures.From((int)Math.Round(r[1]), (int)Math.Round(r[2]), r[3] > 0.5),
                        [.. r.Skip(4).Select(v => (float)v)],
                        new float[model.Card.Config.NumTargets],
                        0
                    );
                })
                .ToList();
            return [.. model.PredictRaw(samples).Select(p => p[threshold])];
        }
        var shap = new KernelShap(
            Predict,
            [.. background.Select(Row)],
            FeatureNames(model),
            backgroundSize,
            seed,
            samples: 512
        );
        return shap.Explain([.. rows.Select(Row)]);
    }
}
