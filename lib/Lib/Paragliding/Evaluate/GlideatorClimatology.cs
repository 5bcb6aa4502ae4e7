using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Evaluate;

/// <summary>
/// Glideator's own climatology (<c>flight_stats.csv</c>, mostly XContest in the Alps) as a predictor, where a CFD
/// site has a Glideator site within <see cref="Ingest.ParaglidingIngest.ClimatologyMatchKm"/>: the month's average
/// days over t km divided by the month's length.
/// </summary>
public static class GlideatorClimatology
{
    /// <summary>The rows of <paramref name="samples"/> whose site matches (indices), and their predictions.</summary>
    public static (int[] Rows, double[][] Probabilities) Predict(
        IReadOnlyList<SiteDay> samples,
        IReadOnlyDictionary<string, ClimatologySite> bySite
    )
    {
        var rows = Enumerable.Range(0, samples.Count).Where(i => bySite.ContainsKey(samples[i].SiteId)).ToArray();
        var probabilities = rows.Select(i =>
                DistanceThresholds
                    .Km.Select(t => bySite[samples[i].SiteId].DailyRate(samples[i].Date.Month, t))
                    .ToArray()
            )
            .ToArray();
        return (rows, probabilities);
    }
}
