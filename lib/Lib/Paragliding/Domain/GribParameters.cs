namespace Lib.Paragliding.Domain;

/// <summary>
/// Names and units of the GRIB2 parameters a GFS or GEFS file carries (WMO code table 4.2 with NCEP's local entries),
/// for display: ecCodes' short names. Unknown parameters show as <c>d.c.n</c>.
/// </summary>
public static class GribParameters
{
    private static readonly Dictionary<(int, int, int), (string Name, string Units)> Known = new()
    {
        [(0, 0, 0)] = ("t", "K"),
        [(0, 0, 4)] = ("tmax", "K"),
        [(0, 0, 5)] = ("tmin", "K"),
        [(0, 0, 6)] = ("dpt", "K"),
        [(0, 0, 10)] = ("lhtfl", "W m**-2"),
        [(0, 0, 11)] = ("ishf", "W m**-2"),
        [(0, 1, 1)] = ("r", "%"),
        [(0, 1, 3)] = ("pwat", "kg m**-2"),
        [(0, 1, 8)] = ("tp", "kg m**-2"),
        [(0, 1, 11)] = ("sde", "m"),
        [(0, 1, 13)] = ("sdwe", "kg m**-2"),
        [(0, 2, 2)] = ("u", "m s**-1"),
        [(0, 2, 3)] = ("v", "m s**-1"),
        [(0, 2, 8)] = ("w", "Pa s**-1"),
        [(0, 2, 22)] = ("gust", "m s**-1"),
        [(0, 3, 0)] = ("sp", "Pa"),
        [(0, 3, 1)] = ("prmsl", "Pa"),
        [(0, 3, 5)] = ("gh", "gpm"),
        [(0, 6, 1)] = ("tcc", "%"),
        [(0, 7, 6)] = ("cape", "J kg**-1"),
        [(0, 7, 7)] = ("cin", "J kg**-1"),
    };

    /// <summary>The short name of a message's parameter (<c>2t</c>, <c>10u</c> at those heights), else the id.
    /// </summary>
    public static string ShortName(GribMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (!Known.TryGetValue((m.Discipline, m.Category, m.Number), out var known))
            return $"{m.Discipline}.{m.Category}.{m.Number}";
        if (m.LevelType == 103 && m.Level is 2 or 10 or 100 && known.Name is "t" or "u" or "v" or "r" or "dpt")
            return $"{m.Level:0}{(known.Name == "dpt" ? "d" : known.Name)}";
        return known.Name;
    }

    /// <summary>The units of a message's parameter, or empty when unknown.</summary>
    public static string Units(GribMessage m) =>
        Known.TryGetValue((m.Discipline, m.Category, m.Number), out var known) ? known.Units : "";
}
