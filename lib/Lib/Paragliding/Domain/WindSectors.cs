namespace Lib.Paragliding.Domain;

/// <summary>The eight wind sectors of the site list, clockwise from north, and their central bearings.</summary>
public static class WindSectors
{
    /// <summary>Sector names, as the site list's columns end (<c>wind_n</c> … <c>wind_nw</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["n", "ne", "e", "se", "s", "sw", "w", "nw"];

    /// <summary>The bearing (degrees from north) at the centre of sector <paramref name="index"/>.</summary>
    public static double Bearing(int index) => 45.0 * index;
}
