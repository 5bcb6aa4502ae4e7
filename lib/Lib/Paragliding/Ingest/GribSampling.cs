using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>How a value is read at a point between grid points.</summary>
public enum GribSampling
{
    /// <summary>The nearest grid point (latitude and longitude rounded to the grid independently).</summary>
    Nearest,

    /// <summary>Bilinear interpolation between the four surrounding grid points (NaN if one is missing).</summary>
    Bilinear,
}

/// <summary>Values of a message at points.</summary>
public static class GribSampler
{
    /// <summary>
    /// The value of <paramref name="m"/> at a point, or null outside the grid. Bilinear sampling at an edge (no
    /// point beyond it) uses the nearest point.
    /// </summary>
    public static double? Sample(GribMessage m, double lat, double lon, GribSampling sampling = GribSampling.Nearest)
    {
        ArgumentNullException.ThrowIfNull(m);
        var g = m.Grid;
        if (g.Nearest(lat, lon) is not (int ni, int nj))
            return null;
        if (sampling == GribSampling.Nearest)
            return m.At(ni, nj);
        double x = g.Column(lon)!.Value,
            y = g.Row(lat)!.Value;
        int i0 = (int)Math.Floor(x),
            j0 = (int)Math.Floor(y);
        int i1 = g.Global ? (i0 + 1) % g.Ni : i0 + 1;
        if (i0 < 0 || j0 < 0 || j0 + 1 >= g.Nj || (!g.Global && i1 >= g.Ni))
            return m.At(ni, nj);
        i0 = g.Global ? ((i0 % g.Ni) + g.Ni) % g.Ni : i0;
        double fx = x - Math.Floor(x),
            fy = y - j0;
        return (1 - fx) * (1 - fy) * m.At(i0, j0)
            + fx * (1 - fy) * m.At(i1, j0)
            + (1 - fx) * fy * m.At(i0, j0 + 1)
            + fx * fy * m.At(i1, j0 + 1);
    }
}
