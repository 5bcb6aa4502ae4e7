namespace Lib.Paragliding.Domain;

/// <summary>
/// A regular latitude/longitude grid (GRIB2 grid template 3.0): <see cref="Ni"/> points along a parallel,
/// <see cref="Nj"/> along a meridian, the first point (<see cref="La1"/>, <see cref="Lo1"/>), the last
/// (<see cref="La2"/>, <see cref="Lo2"/>), the increments in degrees and the scanning mode (flag table 3.4: 0x80 i
/// runs west, 0x40 j runs north, 0x20 points are consecutive along j, 0x10 every other row reversed). Longitudes are
/// as the file codes them (0–360 or −180–180); lookups take either.
/// </summary>
public sealed record GribGrid(
    int Ni,
    int Nj,
    double La1,
    double Lo1,
    double La2,
    double Lo2,
    double Di,
    double Dj,
    int ScanMode
)
{
    /// <summary>The number of grid points.</summary>
    public int Count => Ni * Nj;

    /// <summary>True when i runs westward (scanning flag 0x80).</summary>
    public bool IWest => (ScanMode & 0x80) != 0;

    /// <summary>True when j runs northward (scanning flag 0x40).</summary>
    public bool JNorth => (ScanMode & 0x40) != 0;

    /// <summary>True when the grid wraps round the globe in longitude.</summary>
    public bool Global => Math.Abs(Ni * Di - 360) < Di / 2;

    /// <summary>The latitude of row <paramref name="j"/>.</summary>
    public double Lat(int j) => JNorth ? La1 + j * Dj : La1 - j * Dj;

    /// <summary>The longitude of column <paramref name="i"/>, in 0–360 when the grid codes it so.</summary>
    public double Lon(int i) => IWest ? Lo1 - i * Di : Lo1 + i * Di;

    /// <summary>The position of grid point (i, j) in the message's data, in scanning order.</summary>
    public int DataIndex(int i, int j)
    {
        bool alongJ = (ScanMode & 0x20) != 0;
        bool alternate = (ScanMode & 0x10) != 0;
        if (!alongJ)
            return j * Ni + (alternate && j % 2 == 1 ? Ni - 1 - i : i);
        return i * Nj + (alternate && i % 2 == 1 ? Nj - 1 - j : j);
    }

    /// <summary>The fractional column of a longitude (either convention), or null outside the grid.</summary>
    public double? Column(double lon)
    {
        double d = IWest ? Lo1 - lon : lon - Lo1;
        d = ((d % 360) + 360) % 360;
        double x = d / Di;
        if (Global)
            return x;
        if (x > Ni - 1 + 0.5)
            x = (d - 360) / Di; // a point just before the first column
        return x < -0.5 || x > Ni - 1 + 0.5 ? null : x;
    }

    /// <summary>The fractional row of a latitude, or null outside the grid.</summary>
    public double? Row(double lat)
    {
        double y = (JNorth ? lat - La1 : La1 - lat) / Dj;
        return y < -0.5 || y > Nj - 1 + 0.5 ? null : y;
    }

    /// <summary>
    /// The nearest grid point, latitude and longitude each rounded to the grid independently; null when the point
    /// lies more than half a spacing outside the grid.
    /// </summary>
    public (int I, int J)? Nearest(double lat, double lon)
    {
        if (Column(lon) is not double x || Row(lat) is not double y)
            return null;
        int i = (int)Math.Floor(x + 0.5),
            j = (int)Math.Floor(y + 0.5);
        if (Global)
            i = ((i % Ni) + Ni) % Ni;
        return i < 0 || i >= Ni || j < 0 || j >= Nj ? null : (i, j);
    }

    /// <summary>True when the point lies within the grid (or half a spacing of its edge).</summary>
    public bool Contains(double lat, double lon) => Nearest(lat, lon) is not null;

    /// <summary>A grid longitude written in the convention of <paramref name="near"/> (within 180° of it).</summary>
    public static double SameConvention(double gridLon, double near) =>
        gridLon - 360 * Math.Round((gridLon - near) / 360);
}
