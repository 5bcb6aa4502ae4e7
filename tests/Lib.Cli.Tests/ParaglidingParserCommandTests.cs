using Lib.Storage;

namespace Lib.Cli.Tests;

/// <summary><c>lab paragliding igc|grib|weather|xcontest</c> on the bundled files.</summary>
public class ParaglidingParserCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-paragliding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Data(params string[] parts) => Path.Combine([LabRun.Repo, "data", "paragliding", .. parts]);

    private static string Fixture(string file) => Path.Combine(LabRun.Repo, "tests", "fixtures", "paragliding", file);

    [Fact]
    public void Igc_writes_every_logs_expected_summary()
    {
        var csv = Path.Combine(_dir, "summary.csv");
        var (code, output, error) = LabRun.Run(null, "paragliding", "igc", "--input", Data("igc"), "--out", csv);
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 8 summaries", output);
        var expected = CsvFile.ReadTable(Fixture("igc_expected.csv"), "file");
        var actual = CsvFile.ReadTable(csv, "file").ToDictionary(r => r["file"]);
        Assert.Equal(expected.Count, actual.Count);
        string[] columns = ["file", "fixes", "first_fix_utc", "last_fix_utc", "max_gnss_alt_m", "max_pressure_alt_m", "straight_km", "track_km"];
        Assert.Equal(columns, CsvFile.ReadHeader(csv).Take(8));
        foreach (var e in expected)
            Assert.Equal(columns.Select(c => e[c]), columns.Select(c => actual[e["file"]][c]));
    }

    [Fact]
    public void Igc_names_the_file_and_line_of_a_corrupt_record_and_exits_1()
    {
        var log = Path.Combine(_dir, "bad.igc");
        File.WriteAllText(log, "AXXX\nHFDTE150821\nB1200004612584N01249706EA0098801046\nB12000x4612584N01249706EA0098801046\n");
        var (code, _, error) = LabRun.Run(null, "paragliding", "igc", "--input", log, "--out", Path.Combine(_dir, "s.csv"));
        Assert.Equal(1, code);
        Assert.Contains("bad.igc: line 4: the time HHMMSS (bytes 2–7) is not digits", error);
        (code, _, error) = LabRun.Run(null, "paragliding", "igc", "--input", log, "--strict");
        Assert.Equal(1, code);
        Assert.Contains("bad.igc: line 4:", error);
    }

    [Fact]
    public void Grib_writes_profiles_in_the_schema_and_lists_the_missing_variables()
    {
        var points = Path.Combine(_dir, "points.csv");
        File.WriteAllText(points, "site_id,lat,lon\ncfd01,45.306900,5.888060\ncfd23,42.990300,-0.196390\nfar,10,100\n");
        var csv = Path.Combine(_dir, "profiles.csv");
        var (code, output, error) = LabRun.Run(null, "paragliding", "grib", "--input", Data("weather", "gfs.20200314.t00z.pgrb2.0p25.anl.subset"), "--points", points, "--out", csv);
        Assert.True(code == 0, error);
        Assert.Contains("72 of 77 variables present", output);
        Assert.Contains("Missing: u_wind_10m_ms, v_wind_10m_ms, wind_gust_sfc_ms, temperature_2m_k, dewpoint_2m_k", output.Replace("\n", ""));
        Assert.Equal(["site_id", "lat", "lon", "grid_lat", "grid_lon", "variable", "value"], CsvFile.ReadHeader(csv));
        var rows = CsvFile.ReadTable(csv);
        Assert.Equal(2 * 72, rows.Count);
        var row = rows.Single(r => r["site_id"] == "cfd23" && r["variable"] == "u_wind_500hpa_ms");
        Assert.Equal(("43.00", "-0.25"), (row["grid_lat"], row["grid_lon"]));
        Assert.DoesNotContain(rows, r => r["variable"] == "temperature_2m_k" || r["site_id"] == "far");
    }

    [Fact]
    public void Weather_writes_the_site_day_hour_table()
    {
        var csv = Path.Combine(_dir, "weather.csv");
        var (code, output, error) = LabRun.Run(null, "paragliding", "weather", "--input", Data("weather", "geavg.t06z.pgrb2a.0p50.f006"), "--points", Data("takeoff_sites.csv"), "--out", csv);
        Assert.True(code == 0, error);
        Assert.Contains("(84 site × day × hour slots)", output);
        Assert.Equal(["site_id", "date", "hour", "variable", "value"], CsvFile.ReadHeader(csv));
        Assert.All(CsvFile.ReadTable(csv), r => Assert.Equal(("2020-08-15", "12"), (r["date"], r["hour"])));
    }

    [Fact]
    public void Xcontest_parses_saved_pages_and_pages_from_the_mirror_exactly()
    {
        var csv = Path.Combine(_dir, "flights.csv");
        var (code, output, error) = LabRun.Run(null, "paragliding", "xcontest", "--input", Data("xcontest", "flights_list_recent_flights_world.html"), "--out", csv);
        Assert.True(code == 0, error);
        var expected = File.ReadAllLines(Fixture("xcontest_expected.csv")).Where((l, i) => i == 0 || l.StartsWith("flights_list_recent_flights_world.html,")).ToArray();
        Assert.Equal(expected, File.ReadAllLines(csv));

        var rss = Path.Combine(_dir, "rss.csv");
        (code, output, error) = LabRun.Run(null, "paragliding", "xcontest", "--url", "/xcontest-ro-rss-sample.xml", "--out", rss);
        Assert.True(code == 0, error);
        Assert.Contains("xcontest-ro-rss-sample.xml: rss, 20 items", output);
        Assert.Equal(File.ReadAllLines(Fixture("xcontest_rss_expected.csv")), File.ReadAllLines(rss));

        (code, _, error) = LabRun.Run(null, "paragliding", "xcontest", "--url", "/no-such-page.html", "--out", Path.Combine(_dir, "none.csv"));
        Assert.Equal(1, code);
        Assert.Contains("no-such-page.html: page: HTTP 404", error);
    }
}
