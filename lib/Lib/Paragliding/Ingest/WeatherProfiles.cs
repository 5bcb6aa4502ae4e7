using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// A GRIB2 file's values at sites in Glideator's schema: for every schema variable the file holds (first matching
/// message per valid time), one row per site inside the grid. <see cref="Missing"/> lists the variables the file
/// lacks (not written); <see cref="Outside"/> the sites outside its grid.
/// </summary>
public sealed record WeatherProfiles(
    string File,
    IReadOnlyList<WeatherProfileRow> Rows,
    IReadOnlyList<WeatherVariable> Present,
    IReadOnlyList<WeatherVariable> Missing,
    IReadOnlyList<SitePoint> Outside,
    IReadOnlyList<RejectedRecord> Skipped
)
{
    /// <summary>The <c>profiles.csv</c> columns.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "site_id",
        "lat",
        "lon",
        "grid_lat",
        "grid_lon",
        "variable",
        "value",
    ];

    /// <summary>Samples <paramref name="grib"/> at <paramref name="points"/> for every schema variable.</summary>
    public static WeatherProfiles Extract(
        Grib2File grib,
        IReadOnlyList<SitePoint> points,
        GlideatorSchema schema,
        GribSampling sampling = GribSampling.Nearest
    )
    {
        ArgumentNullException.ThrowIfNull(grib);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(schema);
        var rows = new List<WeatherProfileRow>();
        var present = new List<WeatherVariable>();
        var missing = new List<WeatherVariable>();
        var grid = grib.Messages.Count > 0 ? grib.Messages[0].Grid : null;
        var outside = grid is null ? [.. points] : points.Where(p => !grid.Contains(p.Lat, p.Lon)).ToList();
        foreach (var variable in schema.Variables)
        {
            var matches = grib
                .Messages.Where(variable.Matches)
                .GroupBy(m => m.ValidTimeUtc)
                .Select(g => g.First())
                .ToList();
            if (matches.Count == 0)
            {
                missing.Add(variable);
                continue;
            }
            present.Add(variable);
            foreach (var m in matches)
            foreach (var p in points)
            {
                if (m.Grid.Nearest(p.Lat, p.Lon) is not (int i, int j))
                    continue;
                var value = GribSampler.Sample(m, p.Lat, p.Lon, sampling);
                if (value is not double v || double.IsNaN(v))
                    continue;
                rows.Add(
                    new WeatherProfileRow(
                        p.SiteId,
                        p.Lat,
                        p.Lon,
                        m.Grid.Lat(j),
                        GribGrid.SameConvention(m.Grid.Lon(i), p.Lon),
                        variable.Name,
                        v,
                        m.ValidTimeUtc
                    )
                );
            }
        }
        return new WeatherProfiles(grib.File, rows, present, missing, outside, grib.Skipped);
    }

    /// <summary>Writes <c>profiles.csv</c> (atomically): values with round-trip precision.</summary>
    public void WriteCsv(string path) =>
        CsvFile.Write(
            path,
            Columns,
            Rows.Select(r =>
                (IReadOnlyList<string>)
                    [
                        r.SiteId,
                        R(r.Lat),
                        R(r.Lon),
                        GridDegrees(r.GridLat),
                        GridDegrees(r.GridLon),
                        r.Variable,
                        R(r.Value),
                    ]
            )
        );

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A grid coordinate: at least two decimals, rounded to 1e-6° (the grid's own precision).</summary>
    public static string GridDegrees(double v) => Math.Round(v, 6).ToString("0.00####", CultureInfo.InvariantCulture);
}
