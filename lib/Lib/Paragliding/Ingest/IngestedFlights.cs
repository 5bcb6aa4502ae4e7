using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// What the ingest gives: the dated flights, the takeoff mapping, each mapped site's launch (its wind sectors), the
/// Glideator climatology site within <see cref="ParaglidingIngest.ClimatologyMatchKm"/> of each mapped site (where
/// one is), and every record left out.
/// </summary>
public sealed record IngestedFlights(
    IReadOnlyList<Flight> Flights,
    IReadOnlyList<TakeoffSite> Sites,
    IReadOnlyDictionary<string, LaunchSite> LaunchBySite,
    IReadOnlyList<ClimatologySite> Climatology,
    IReadOnlyDictionary<string, ClimatologySite> ClimatologyBySite,
    IReadOnlyList<RejectedRecord> Rejected
)
{
    /// <summary>The sites with coordinates, the ones a model is trained and scored on.</summary>
    public IReadOnlyList<TakeoffSite> MappedSites => [.. Sites.Where(s => s.HasCoordinates)];

    /// <summary>The flights whose takeoff is a mapped site, by site id.</summary>
    public ILookup<string, Flight> FlightsBySite()
    {
        var id = MappedSites.ToDictionary(s => s.Takeoff, s => s.SiteId, StringComparer.Ordinal);
        return Flights.Where(f => id.ContainsKey(f.Takeoff)).ToLookup(f => id[f.Takeoff], StringComparer.Ordinal);
    }
}
