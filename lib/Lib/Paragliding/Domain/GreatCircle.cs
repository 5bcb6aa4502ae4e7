namespace Lib.Paragliding.Domain;

/// <summary>
/// Distances on a sphere of radius 6371.0 km (the FAI's and the IGC summaries' convention): the haversine formula.
/// </summary>
public static class GreatCircle
{
    /// <summary>The sphere's radius, km.</summary>
    public const double RadiusKm = 6371.0;

    /// <summary>The great-circle distance between two points in degrees, km.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double p1 = lat1 * Math.PI / 180,
            p2 = lat2 * Math.PI / 180;
        double dp = p2 - p1,
            dl = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Pow(Math.Sin(dp / 2), 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2);
        return 2 * RadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The great-circle distance between two fixes, km.</summary>
    public static double Km(IgcFix a, IgcFix b) => Km(a.Lat, a.Lon, b.Lat, b.Lon);
}
