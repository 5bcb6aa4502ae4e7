using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// The ingest: reads the <see cref="ParaglidingSources"/>, joins each mapped takeoff to its launch by PGE reference
/// and to the nearest Glideator climatology site within <see cref="ClimatologyMatchKm"/>, and returns
/// <see cref="IngestedFlights"/>. A mapped takeoff whose PGE reference is not in the site list is rejected (the
/// mapping and the list disagree), as are the flights and launches the readers leave out.
/// </summary>
public static class ParaglidingIngest
{
    /// <summary>How close (km, great circle) a Glideator site must be to count as the same launch.</summary>
    public const double ClimatologyMatchKm = 3.0;

    /// <summary>Reads and joins everything.</summary>
    public static IngestedFlights Run(ParaglidingSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var flights = CfdFlightReader.Read(sources.Flights);
        var sites = TakeoffSiteReader.Read(sources.Takeoffs);
        var launches = LaunchSiteReader.Read(sources.Launches);
        var climatology = ClimatologyReader.Read(sources.ClimatologySites, sources.ClimatologyStats);
        var rejected = new List<RejectedRecord>([.. flights.Rejected, .. launches.Rejected]);

        var byRef = new Dictionary<string, LaunchSite>(StringComparer.Ordinal);
        foreach (var launch in launches.Rows)
            byRef.TryAdd(launch.Ref, launch);
        var launchBySite = new Dictionary<string, LaunchSite>(StringComparer.Ordinal);
        var climatologyBySite = new Dictionary<string, ClimatologySite>(StringComparer.Ordinal);
        foreach (var site in sites.Where(s => s.HasCoordinates))
        {
            if (site.PgeRef is { } reference && byRef.TryGetValue(reference, out var launch))
                launchBySite[site.SiteId] = launch;
            else
                rejected.Add(
                    new RejectedRecord(
                        Path.GetFileName(sources.Takeoffs),
                        $"site {site.SiteId}",
                        $"PGE launch '{site.PgeRef}' is not in {Path.GetFileName(sources.Launches)}; no wind sectors",
                        site.Takeoff
                    )
                );
            var nearest = climatology
                .Select(c => (Site: c, Km: GreatCircleKm(site.Latitude!.Value, site.Longitude!.Value, c)))
                .MinBy(c => c.Km);
            if (nearest.Site is not null && nearest.Km <= ClimatologyMatchKm)
                climatologyBySite[site.SiteId] = nearest.Site;
        }
        return new IngestedFlights(flights.Rows, sites, launchBySite, climatology, climatologyBySite, rejected);
    }

    /// <summary>Haversine distance on a 6371.0 km sphere.</summary>
    private static double GreatCircleKm(double lat, double lon, ClimatologySite c)
    {
        const double r = 6371.0,
            rad = Math.PI / 180;
        double dp = (c.Latitude - lat) * rad,
            dl = (c.Longitude - lon) * rad;
        double a =
            Math.Sin(dp / 2) * Math.Sin(dp / 2)
            + Math.Cos(lat * rad) * Math.Cos(c.Latitude * rad) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
