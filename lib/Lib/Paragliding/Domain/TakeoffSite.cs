namespace Lib.Paragliding.Domain;

/// <summary>
/// A CFD takeoff name mapped to a ParaglidingEarth launch (<c>takeoff_sites.csv</c>): the stable site id
/// (<c>cfd01</c> …), the takeoff exactly as the flights spell it, its majority département, how it was matched
/// (<c>exact</c>, <c>substring</c>, <c>manual</c> or <c>none</c>), the PGE reference and name, and the launch's
/// coordinates and altitude (null when unmatched). Several FFVL names may share one PGE launch; they stay separate
/// sites because the labels follow the FFVL name.
/// </summary>
public sealed record TakeoffSite(
    string SiteId,
    string Takeoff,
    string Departement,
    string Match,
    string? PgeRef,
    string? PgeName,
    double? Latitude,
    double? Longitude,
    double? AltitudeM,
    string Note
)
{
    /// <summary>Whether the takeoff was matched to a launch with coordinates.</summary>
    public bool HasCoordinates => Latitude is not null && Longitude is not null;
}
