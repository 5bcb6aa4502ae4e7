namespace Lib.Paragliding.Domain;

/// <summary>
/// A launch of the federated site list (ParaglidingEarth, the Australian site guide, the DHV database): its
/// reference (<c>pge:6176</c>), name, coordinates, altitude, country and how suitable each of the eight wind sectors
/// is (0 no, 1 possible, 2 good; in <see cref="WindSectors.Names"/> order).
/// </summary>
public sealed record LaunchSite(
    string Ref,
    string Name,
    double Latitude,
    double Longitude,
    double AltitudeM,
    string Country,
    IReadOnlyList<int> Wind
);
