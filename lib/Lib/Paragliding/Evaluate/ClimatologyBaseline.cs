using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Evaluate;

/// <summary>
/// The climatology baselines, fitted on the training weeks only: the share of a site's days (<see cref="PerSite"/>)
/// or of its days in the month (<see cref="PerSiteMonth"/>) with a flight over each threshold. Each rate is shrunk
/// towards its parent (the all-site rate; the site's rate) by <see cref="PriorDays"/> pseudo-days, so a site-month
/// with a handful of days never says 0 or 1 (which a log loss punishes without bound).
/// </summary>
public sealed class ClimatologyBaseline
{
    /// <summary>Pseudo-days of the parent's rate added to each cell.</summary>
    public const double PriorDays = 2;

    private readonly Dictionary<(int Site, int Month), double[]> _rates;
    private readonly Dictionary<int, double[]> _siteRates;
    private readonly double[] _overall;

    private ClimatologyBaseline(
        string name,
        Dictionary<(int, int), double[]> rates,
        Dictionary<int, double[]> siteRates,
        double[] overall
    )
    {
        Name = name;
        _rates = rates;
        _siteRates = siteRates;
        _overall = overall;
    }

    /// <summary>The name in tables (<c>climatology per site</c> …).</summary>
    public string Name { get; }

    /// <summary>The per-site climatology of <paramref name="train"/>.</summary>
    public static ClimatologyBaseline PerSite(IReadOnlyList<SiteDay> train) => Fit(train, byMonth: false);

    /// <summary>The per-site × month climatology of <paramref name="train"/>.</summary>
    public static ClimatologyBaseline PerSiteMonth(IReadOnlyList<SiteDay> train) => Fit(train, byMonth: true);

    private static ClimatologyBaseline Fit(IReadOnlyList<SiteDay> train, bool byMonth)
    {
        if (train.Count == 0)
            throw new ArgumentException("Climatology needs training days.", nameof(train));
        int k = train[0].Labels.Length;
        double[] Mean(IEnumerable<SiteDay> days, double[] prior)
        {
            var sum = new double[k];
            int n = 0;
            foreach (var d in days)
            {
                for (int j = 0; j < k; j++)
                    sum[j] += d.Labels[j];
                n++;
            }
            return [.. sum.Select((s, j) => (s + PriorDays * prior[j]) / (n + PriorDays))];
        }
        var overall = Mean(train, new double[k]);
        var site = train.GroupBy(d => d.SiteIndex).ToDictionary(g => g.Key, g => Mean(g, overall));
        var cells = byMonth
            ? train
                .GroupBy(d => (d.SiteIndex, d.Date.Month))
                .ToDictionary(g => g.Key, g => Mean(g, site[g.Key.SiteIndex]))
            : [];
        return new ClimatologyBaseline(
            byMonth ? ParaglidingEvaluation.SiteMonthClimatologyName : ParaglidingEvaluation.SiteClimatologyName,
            cells,
            site,
            overall
        );
    }

    /// <summary>P(flight &gt; t_k) per sample [N][K]: the cell's rate, else the site's, else the overall
    /// rate.</summary>
    public double[][] Predict(IReadOnlyList<SiteDay> samples) =>
        [
            .. samples.Select(s =>
                (double[])
                    (
                        _rates.GetValueOrDefault((s.SiteIndex, s.Date.Month))
                        ?? _siteRates.GetValueOrDefault(s.SiteIndex)
                        ?? _overall
                    ).Clone()
            ),
        ];
}
