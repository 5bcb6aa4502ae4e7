using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Storage;

namespace Lib.Tests.Paragliding;

/// <summary>Glideator's schema mapped to GRIB2 fields, profiles at sites, the weather table and its reader.</summary>
public class WeatherSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("paragliding-weather-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static GlideatorSchema Schema => GlideatorSchema.Read(ParaglidingPaths.Schema);

    private static string Weather(string file) => Path.Combine(ParaglidingPaths.Weather, file);

    [Fact]
    public void Maps_all_77_variables_by_the_rules_their_names_spell()
    {
        var schema = Schema;
        Assert.Equal(77, schema.Variables.Count);
        Assert.Equal(Enumerable.Range(0, 77), schema.Variables.Select(v => v.Position));
        WeatherVariable V(string name) => schema.Variables.Single(v => v.Name == name);
        Assert.Equal((0, 2, 2, 100, 50000.0), Id(V("u_wind_500hpa_ms")));
        Assert.Equal((0, 2, 2, 103, 100.0), Id(V("u_wind_100m_ms")));  // not 100 hPa, though grib_name is u_100
        Assert.Equal((0, 0, 0, 103, 80.0), Id(V("temperature_80m_k")));
        Assert.Equal((0, 0, 6, 103, 2.0), Id(V("dewpoint_2m_k")));
        Assert.Equal((0, 2, 22, 1, 0.0), Id(V("wind_gust_sfc_ms")));
        Assert.Equal((0, 1, 3, 200, 0.0), Id(V("precipitable_water_clm_kg_m2")));
        Assert.Equal((0, 3, 5, 1, 0.0), Id(V("geopotential_height_sfc_m")));
        Assert.Equal((0, 1, 1, 100, 97500.0), Id(V("relative_humidity_975hpa_pct")));
        Assert.Null(GlideatorSchema.Map("cloud_cover_sfc_pct", 0));
    }

    private static (int, int, int, int, double) Id(WeatherVariable v) => (v.Discipline, v.Category, v.Number, v.LevelType, v.Level);

    [Fact]
    public void The_gfs_analysis_lacks_exactly_the_five_surface_variables_and_values_match_ecCodes()
    {
        var points = SitePoints.Read(Path.Combine(ParaglidingPaths.Data, "takeoff_sites.csv"));
        Assert.Equal(89, points.Rows.Count);
        Assert.Equal(["line 11", "line 64", "line 70", "line 74"], points.Rejected.Select(r => r.Location));
        var profiles = WeatherProfiles.Extract(Grib2Reader.Read(Weather("gfs.20200314.t00z.pgrb2.0p25.anl.subset")), points.Rows, Schema);
        Assert.Equal(["u_wind_10m_ms", "v_wind_10m_ms", "wind_gust_sfc_ms", "temperature_2m_k", "dewpoint_2m_k"], profiles.Missing.Select(v => v.Name));
        Assert.Equal(72, profiles.Present.Count);
        Assert.Equal(5, profiles.Outside.Count); // Réunion, Italy, India ...
        Assert.Equal(72 * 84, profiles.Rows.Count);
        // Every row against ecCodes' value at the same grid point (the fixture's sites, all variables).
        var expected = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "gfs_anl_subset_expected.csv"), "site_id", "grib2_id", "level", "value");
        var schema = Schema;
        int matched = 0;
        foreach (var row in profiles.Rows)
        {
            var v = schema.Variables.Single(x => x.Name == row.Variable);
            var e = expected.SingleOrDefault(r => r["site_id"] == row.SiteId && r["grib2_id"] == $"{v.Discipline}.{v.Category}.{v.Number}/{v.LevelType}"
                && double.Parse(r["level"], CultureInfo.InvariantCulture) == (v.LevelType == 100 ? v.Level / 100 : v.Level));
            if (e is null) continue;
            Assert.Equal(double.Parse(e["value"], CultureInfo.InvariantCulture), row.Value);
            Assert.Equal(double.Parse(e["grid_lat"], CultureInfo.InvariantCulture), row.GridLat);
            Assert.Equal(double.Parse(e["grid_lon"], CultureInfo.InvariantCulture), row.GridLon, 9);
            matched++;
        }
        Assert.Equal(12 * 72, matched);
    }

    [Fact]
    public void Bilinear_lies_between_the_neighbours_and_equals_the_grid_value_on_a_grid_point()
    {
        var m = Grib2Reader.Read(Weather("gfs.20200330.t18z.pgrb2.0p25.f012")).Messages[0];
        Assert.Equal(m.At(0, 0), GribSampler.Sample(m, -21.25, 55.0, GribSampling.Bilinear));
        var mid = GribSampler.Sample(m, -21.125, 55.125, GribSampling.Bilinear)!.Value;
        Assert.Equal((m.At(0, 0) + m.At(1, 0) + m.At(0, 1) + m.At(1, 1)) / 4, mid, 9);
        Assert.Null(GribSampler.Sample(m, 10, 55));
        // Longitudes in either convention: the geavg grid codes 355…9.
        var g = Grib2Reader.Read(Weather("geavg.t06z.pgrb2a.0p50.f006")).Messages[0].Grid;
        Assert.Equal(g.Nearest(45, -2), g.Nearest(45, 358));
        Assert.True(g.Contains(45, -4.9) && !g.Contains(45, -6) && !g.Contains(45, 10));
    }

    [Fact]
    public void The_weather_table_round_trips_and_gives_feature_vectors_per_site_and_day()
    {
        var points = Path.Combine(_dir, "points.csv");
        File.WriteAllText(points, "site_id,lat,lon\ncfd01,45.3069,5.88806\nfar,10,10\n");
        var csv = Path.Combine(_dir, "weather.csv");
        var table = ParaglidingIngestStep.Weather([Weather("geavg.t06z.pgrb2a.0p50.f006")], points, ParaglidingPaths.Schema, csv);
        Assert.Equal(30, table.Rows.Count); // valid 2020-08-15 12 UTC; 30 schema variables present
        Assert.All(table.Rows, r => Assert.Equal((new DateOnly(2020, 8, 15), 12, "cfd01"), (r.Date, r.Hour, r.SiteId)));
        var back = GribWeatherTable.Read(csv, Schema);
        Assert.Equal(table.Rows, back.Rows);
        var features = back.Features(Schema);
        var vectors = features[("cfd01", new DateOnly(2020, 8, 15))];
        Assert.Equal(3, vectors.Length);
        Assert.All(vectors[0], v => Assert.True(float.IsNaN(v))); // 9 h: not in the file
        Assert.Equal(30, vectors[1].Count(v => !float.IsNaN(v)));
        Assert.Empty(ParaglidingIngestStep.Weather([Weather("geavg.t06z.pgrb2a.0p50.f006")], points, ParaglidingPaths.Schema, hours: [9]).Rows);
    }

    [Fact]
    public void A_bad_weather_table_is_named_by_file_line_and_field()
    {
        var csv = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(csv, "site_id,date,hour,variable,value\ncfd01,2020-08-15,12,u_wind_500hpa_ms,4.8\ncfd01,15.08.2020,12,u_wind_500hpa_ms,4.8\n");
        var e = Assert.Throws<InvalidDataException>(() => GribWeatherTable.Read(csv));
        Assert.Contains("bad.csv: line 3: date '15.08.2020' is not an ISO date", e.Message);
        File.WriteAllText(csv, "site_id,date,hour,variable,value\ncfd01,2020-08-15,12,wind_speed,4.8\n");
        Assert.Contains("line 2: variable 'wind_speed' is not a variable of the schema", Assert.Throws<InvalidDataException>(() => GribWeatherTable.Read(csv, Schema)).Message);
    }

    [Fact]
    public void Lists_the_launches_inside_a_grid()
    {
        var sites = SitePoints.Read(Path.Combine(ParaglidingPaths.Data, "takeoff_sites.csv")).Rows;
        var inside = ParaglidingIngestStep.SitesInside(Weather("geavg.t06z.pgrb2a.0p50.f006"), sites);
        Assert.Equal(84, inside.Count);
        Assert.DoesNotContain(inside, s => s.Lat < 40.75 || s.Lat > 51.25);
        Assert.Empty(ParaglidingIngestStep.SitesInside(Weather("gfs.20200330.t18z.pgrb2.0p25.f012"), sites.Where(s => s.Lat > 0)));
    }

    [Fact]
    public void Reading_only_the_schema_fields_gives_the_same_profiles_and_keeps_message_numbers()
    {
        var schema = Schema;
        var full = Grib2Reader.Read(Weather("geavg.t06z.pgrb2a.0p50.f006"));
        var only = Grib2Reader.Read(Weather("geavg.t06z.pgrb2a.0p50.f006"), schema.Holds);
        Assert.Equal(30, only.Messages.Count);
        Assert.Equal(full.Messages.Where(m => schema.Variables.Any(v => v.Matches(m))).Select(m => m.Index), only.Messages.Select(m => m.Index));
        var points = SitePoints.Read(Path.Combine(ParaglidingPaths.Data, "takeoff_sites.csv")).Rows;
        Assert.Equal(WeatherProfiles.Extract(full, points, schema).Rows, WeatherProfiles.Extract(only, points, schema).Rows);
    }
}
