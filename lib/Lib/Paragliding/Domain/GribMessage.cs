namespace Lib.Paragliding.Domain;

/// <summary>
/// One decoded GRIB2 message (one field): its 1-based position in the file, the parameter (discipline, category,
/// number; code tables 0.0, 4.1, 4.2), the first fixed surface (type, code table 4.5, and value in the surface's
/// units: Pa for isobaric levels, m above ground …), the reference time, the forecast step (<c>6</c>, or
/// <c>0-6</c> for a statistical interval) in hours, the valid time (the step's end), the templates it used, the grid
/// and the values (in the file's units, in the message's scanning order; NaN where the bitmap has no value).
/// </summary>
public sealed record GribMessage(
    int Index,
    int Discipline,
    int Category,
    int Number,
    int LevelType,
    double Level,
    DateTime ReferenceTimeUtc,
    string Step,
    DateTime ValidTimeUtc,
    int ProductTemplate,
    int PackingTemplate,
    GribGrid Grid,
    double[] Values
)
{
    /// <summary>Parameter and surface as <c>discipline.category.number/surface</c>, e.g. <c>0.0.0/100</c>.</summary>
    public string Grib2Id => $"{Discipline}.{Category}.{Number}/{LevelType}";

    /// <summary>ecCodes' short name of the parameter where known (<c>t</c>, <c>u</c>, <c>gh</c>), else the id.
    /// </summary>
    public string ShortName => GribParameters.ShortName(this);

    /// <summary>The level as ecCodes prints it: hPa for isobaric surfaces, the value otherwise.</summary>
    public double LevelInUsualUnits => LevelType == 100 ? Level / 100 : Level;

    /// <summary>The value at grid point (i, j) (NaN when missing).</summary>
    public double At(int i, int j) => Values[Grid.DataIndex(i, j)];
}
