using Lib.Charts;
using Lib.Paragliding.Domain;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Charts of GRIB2 weather (Plotly.NET, offline): a field as a heatmap on its latitude/longitude grid (longitudes
/// shown in −180…180) with sites on top, and the schema coverage of a file (present or missing per variable group and
/// level).
/// </summary>
public static class WeatherCharts
{
    /// <summary>A message's values as a heatmap, south at the bottom; the points, when given, as markers.</summary>
    public static GenericChart Field(GribMessage m, IEnumerable<SitePoint>? sites = null, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(m);
        var g = m.Grid;
        var rows = Enumerable.Range(0, g.Nj).OrderBy(g.Lat).ToList();
        var columns = Enumerable.Range(0, g.Ni).OrderBy(i => GribGrid.SameConvention(g.Lon(i), 0)).ToList();
        var z = rows.Select(j => columns.Select(i => m.At(i, j)).ToArray()).ToArray();
        var heat = Chart
            .Heatmap<double, double, double, string>(
                z,
                X: columns.Select(i => GribGrid.SameConvention(g.Lon(i), 0)).ToList(),
                Y: rows.Select(g.Lat).ToList()
            )
            .WithTraceProperty("z", Gaps(z)) // missing points (NaN) as gaps, not invalid JSON
            .WithTraceProperty("colorscale", "Viridis");
        var series = new List<GenericChart> { heat };
        if (sites is not null)
        {
            var inside = sites.Where(s => g.Contains(s.Lat, s.Lon)).ToList();
            series.Add(
                Chart
                    .Point<double, double, string>(inside.Select(s => s.Lon), inside.Select(s => s.Lat), Name: "sites")
                    .WithTraceProperty("hovertext", inside.Select(s => s.SiteId).ToArray())
                    .WithTraceProperty("marker", new Dictionary<string, object> { ["color"] = "white", ["size"] = 6 })
            );
        }
        var level = m.LevelType == 100 ? $"{m.LevelInUsualUnits:0} hPa" : $"surface type {m.LevelType}, {m.Level:0.##}";
        return Chart
            .Combine(series)
            .WithTitle($"{m.ShortName} ({GribParameters.Units(m)}) at {level}, valid {m.ValidTimeUtc:yyyy-MM-dd HH}Z")
            .WithAxisTitles("longitude (°E)", "latitude (°N)")
            .WithHeight(height);
    }

    /// <summary>Which schema variables a file holds: one row per quantity, one column per level.</summary>
    public static GenericChart Coverage(WeatherProfiles profiles, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var all = profiles.Present.Select(v => (v, 1.0)).Concat(profiles.Missing.Select(v => (v, 0.0))).ToList();
        static string Quantity(WeatherVariable v) => v.Name[..v.Name.LastIndexOf('_', v.Name.LastIndexOf('_') - 1)];
        static string Level(WeatherVariable v) => v.Name.Split('_')[^2];
        var quantities = all.Select(x => Quantity(x.v)).Distinct().ToList();
        var levels = all.OrderBy(x => x.v.LevelType)
            .ThenByDescending(x => x.v.Level)
            .Select(x => Level(x.v))
            .Distinct()
            .ToList();
        var z = quantities
            .Select(q =>
                levels
                    .Select(l =>
                        all.Where(x => Quantity(x.v) == q && Level(x.v) == l)
                            .Select(x => x.Item2)
                            .DefaultIfEmpty(double.NaN)
                            .First()
                    )
                    .ToArray()
            )
            .ToArray();
        return Chart
            .Heatmap<double, string, string, string>(z, X: levels, Y: quantities)
            .WithTraceProperty("z", Gaps(z))
            .WithTraceProperty(
                "colorscale",
                new object[] { new object[] { 0, "#e74c3c" }, new object[] { 1, "#2ecc71" } }
            )
            .WithTraceProperty("showscale", false)
            .WithTitle(
                $"{profiles.File}: {profiles.Present.Count} of {all.Count} schema variables "
                    + "(green present, red missing)"
            )
            .WithAxisTitles("level", "quantity")
            .WithHeight(height);
    }

    private static object?[][] Gaps(double[][] z) =>
        [.. z.Select(row => row.Select(v => double.IsNaN(v) ? null : (object)v).ToArray())];
}
