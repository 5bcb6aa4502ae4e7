using System.Security.Cryptography;
using System.Text;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Workflow;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The labelled site-days of the mapped sites over <see cref="SeasonDays"/>, split by ISO week
/// (<see cref="WeekSplit"/>) and
/// scaled by scalers fitted on the training days only (<see cref="SiteScaler"/>, <see cref="WeatherScaler"/>).
/// <see cref="Sites"/> fixes the embedding rows. With a weather table, site-days it lacks are left out (listed in
/// <see cref="Rejected"/>).
/// </summary>
public sealed record SiteDaySet(
    IReadOnlyList<TakeoffSite> Sites,
    IReadOnlyList<SiteDay> Samples,
    WeekSplit WeekSplit,
    FeatureScaler SiteScaler,
    FeatureScaler? WeatherScaler,
    IReadOnlyList<string> WeatherVariables,
    IReadOnlyList<RejectedRecord> Rejected,
    string Fingerprint
)
{
    /// <summary>The samples of one side of the split.</summary>
    public IReadOnlyList<SiteDay> Split(DaySplit split) => [.. Samples.Where(s => WeekSplit.Of(s.Date) == split)];

    /// <summary>Builds the set from an ingest (and, optionally, weather).</summary>
    public static SiteDaySet Build(IngestedFlights ingest, WeatherTable? weather = null)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var sites = ingest.MappedSites;
        var days = SeasonDays.Of(ingest.Flights);
        var bySite = ingest.FlightsBySite();
        var rejected = new List<RejectedRecord>(weather?.Rejected ?? []);
        var raw = new List<(int Site, DateOnly Date, float[] Weather, double MaxKm)>();
        for (int s = 0; s < sites.Count; s++)
        {
            var best = bySite[sites[s].SiteId].GroupBy(f => f.Date).ToDictionary(g => g.Key, g => g.Max(f => f.Km));
            foreach (var day in days)
            {
                float[] w = [];
                if (weather is not null)
                {
                    var found = weather.Find(sites[s].SiteId, day);
                    if (found is null)
                    {
                        rejected.Add(
                            new RejectedRecord(
                                "weather",
                                $"{sites[s].SiteId} {day:yyyy-MM-dd}",
                                "no weather for the day"
                            )
                        );
                        continue;
                    }
                    w = found;
                }
                raw.Add((s, day, w, best.GetValueOrDefault(day)));
            }
        }
        var siteRaw = sites.Select(s => SiteFeatures.Of(s, ingest.LaunchBySite.GetValueOrDefault(s.SiteId))).ToList();
        var weekSplit = WeekSplit.Hashed(days);
        var train = raw.Where(r => weekSplit.Of(r.Date) == DaySplit.Train).ToList();
        var siteScaler = FeatureScaler.Fit(SiteFeatures.Names, train.Select(r => siteRaw[r.Site]));
        FeatureScaler? weatherScaler = null;
        var variables = weather?.Variables ?? [];
        if (weather is not null)
        {
            // one scaler per variable, shared by the three hours
            var names = variables.ToList();
            weatherScaler = FeatureScaler.Fit(
                names,
                train.SelectMany(r =>
                    Enumerable.Range(0, 3).Select(h => r.Weather.AsSpan(h * names.Count, names.Count).ToArray())
                )
            );
        }
        var scaledSites = siteRaw.Select(f => siteScaler.Transform(f)).ToList();
        var samples = raw.Select(r => new SiteDay(
                sites[r.Site].SiteId,
                r.Site,
                r.Date,
                scaledSites[r.Site],
                DateFeatures.Of(r.Date),
                ScaleWeather(weatherScaler, r.Weather),
                DistanceThresholds.Labels(r.MaxKm),
                r.MaxKm
            ))
            .ToList();
        return new SiteDaySet(sites, samples, weekSplit, siteScaler, weatherScaler, variables, rejected, Hash(samples));
    }

    /// <summary>Scales a [3 × W] weather row with the per-variable scaler.</summary>
    public static float[] ScaleWeather(FeatureScaler? scaler, float[] weather)
    {
        if (scaler is null || weather.Length == 0)
            return weather;
        int w = scaler.Names.Count;
        var result = new float[weather.Length];
        for (int h = 0; h < weather.Length / w; h++)
            scaler.Transform(weather.AsSpan(h * w, w)).CopyTo(result, h * w);
        return result;
    }

    private static string Hash(IReadOnlyList<SiteDay> samples)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in samples)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s.Key));
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Weather.AsSpan()));
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Labels.AsSpan()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
