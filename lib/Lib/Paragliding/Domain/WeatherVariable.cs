namespace Lib.Paragliding.Domain;

/// <summary>
/// One of Glideator's GFS features (<c>schema.json</c>): its name (<c>u_wind_500hpa_ms</c>), position in the
/// 77-value vector, Glideator's own GRIB name (<c>u_500</c>), and the GRIB2 field it is read from: parameter
/// (discipline, category, number) and first fixed surface (type, code table 4.5, and value: Pa for isobaric levels,
/// m above ground for type 103, 0 for the surface and the whole atmospheric column).
/// </summary>
public sealed record WeatherVariable(
    string Name,
    int Position,
    string GribName,
    int Discipline,
    int Category,
    int Number,
    int LevelType,
    double Level
)
{
    /// <summary>True when <paramref name="m"/> holds this variable (same parameter and surface).</summary>
    public bool Matches(GribMessage m) => Matches((m?.Discipline ?? -1, m!.Category, m.Number, m.LevelType, m.Level));

    /// <summary>True when a field with this parameter and surface holds this variable.</summary>
    public bool Matches((int D, int C, int N, int LevelType, double Level) field) =>
        field.D == Discipline
        && field.C == Category
        && field.N == Number
        && field.LevelType == LevelType
        && Math.Abs(field.Level - Level) < 1e-6 * Math.Max(1, Math.Abs(Level));
}
