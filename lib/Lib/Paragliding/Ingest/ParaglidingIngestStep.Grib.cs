using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// The paragliding ingest step. This part: GRIB2 weather → values at sites in Glideator's schema
/// (<c>lab paragliding grib</c>, <c>lab paragliding weather</c>, <c>03-weather.dib</c>), and the launches inside a
/// GRIB file's grid (for scoring every launch of a forecast).
/// </summary>
public static partial class ParaglidingIngestStep
{
    /// <summary>Glideator's schema under a repository root: <c>data/paragliding/glideator/schema.json</c>.</summary>
    public static string DefaultSchema(string root) =>
        Path.Combine(root, "data", "paragliding", "glideator", "schema.json");

    /// <summary>
    /// Decodes <paramref name="gribFile"/>, samples it at the points of <paramref name="pointsCsv"/>
    /// (<c>site_id,lat,lon</c>) for every variable of the schema and, when <paramref name="csv"/> is given, writes
    /// <c>profiles.csv</c> (<c>site_id,lat,lon,grid_lat,grid_lon,variable,value</c>) there. With
    /// <paramref name="schemaOnly"/> only the schema's fields are unpacked (for large files).
    /// </summary>
    public static GribProfilesResult Grib(
        string gribFile,
        string pointsCsv,
        string schemaJson,
        string? csv = null,
        GribSampling sampling = GribSampling.Nearest,
        bool schemaOnly = false
    )
    {
        var schema = GlideatorSchema.Read(schemaJson);
        var points = SitePoints.Read(pointsCsv);
        var grib = Grib2Reader.Read(gribFile, schemaOnly ? schema.Holds : null);
        var profiles = WeatherProfiles.Extract(grib, points.Rows, schema, sampling);
        if (csv is not null)
            profiles.WriteCsv(csv);
        return new GribProfilesResult(grib, profiles, points.Rejected, csv);
    }

    /// <summary>
    /// The weather table of several GRIB2 files (or every file of a folder) at the points of
    /// <paramref name="pointsCsv"/>, at <paramref name="hours"/> UTC (default 9, 12, 15), written to
    /// <paramref name="csv"/> when given.
    /// </summary>
    public static GribWeatherTable Weather(
        IReadOnlyList<string> gribFilesOrFolders,
        string pointsCsv,
        string schemaJson,
        string? csv = null,
        IReadOnlyList<int>? hours = null,
        GribSampling sampling = GribSampling.Nearest
    )
    {
        ArgumentNullException.ThrowIfNull(gribFilesOrFolders);
        var files = gribFilesOrFolders
            .SelectMany(p =>
                Directory.Exists(p)
                    ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal)
                    : (IEnumerable<string>)[p]
            )
            .ToList();
        var schema = GlideatorSchema.Read(schemaJson);
        var points = SitePoints.Read(pointsCsv).Rows;
        var table = GribWeatherTable.Build(
            files.Select(f => Grib2Reader.Read(f, schema.Holds)),
            points,
            schema,
            hours,
            sampling
        );
        if (csv is not null)
            table.Write(csv);
        return table;
    }

    /// <summary>The points that lie inside the grid of <paramref name="gribFile"/>'s first message.</summary>
    public static IReadOnlyList<SitePoint> SitesInside(string gribFile, IEnumerable<SitePoint> points)
    {
        var grib = Grib2Reader.Read(gribFile);
        if (grib.Messages.Count == 0)
            return [];
        var grid = grib.Messages[0].Grid;
        return [.. points.Where(p => grid.Contains(p.Lat, p.Lon))];
    }
}
