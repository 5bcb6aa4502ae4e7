using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Storage;

namespace Lib.Tests.Paragliding;

/// <summary>The GRIB2 decoder against ecCodes' decodes of real GFS and GEFS files: simple packing with and without a
/// bitmap, complex packing with spatial differencing and missing values, the known value of NGrib's test.</summary>
public class Grib2ReaderTests
{
    private static string Weather(string file) => Path.Combine(ParaglidingPaths.Weather, file);

    /// <summary>A value as ecCodes printed it: <c>nan</c> (grib_get_data -m nan) and 9999 (its default missing value)
    /// are a point the bitmap leaves out.</summary>
    private static double D(string s) => s == "nan" || double.Parse(s, CultureInfo.InvariantCulture) == 9999 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void The_known_gfs_value_is_exact()
    {
        var grib = Grib2Reader.Read(Weather("gfs.20200330.t18z.pgrb2.0p25.f012"));
        Assert.Equal(3, grib.Messages.Count);
        var t = grib.Messages[0];
        Assert.Equal("t", t.ShortName);
        Assert.Equal(301.4055908203125, GribSampler.Sample(t, -21.25, 55)!.Value); // ecCodes' double, exactly
        Assert.Equal(301.405579f, (float)GribSampler.Sample(t, -21.25, 55)!.Value); // NGrib's float32
        Assert.Equal(new DateTime(2020, 3, 30, 18, 0, 0, DateTimeKind.Utc), t.ReferenceTimeUtc);
        Assert.Equal("12", t.Step);
        Assert.Equal(["6-12", "0-12"], grib.Messages.Skip(1).Select(m => m.Step));
    }

    [Fact]
    public void Every_shared_value_matches_ecCodes()
    {
        var rows = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "grib_expected_shared.csv"), "file", "message", "grid_lat", "grid_lon", "value");
        var files = rows.Select(r => r["file"]).Distinct().ToDictionary(f => f, f => Grib2Reader.Read(Weather(f)));
        Assert.Equal(85, files["geavg.t06z.pgrb2a.0p50.f006"].Messages.Count);
        Assert.All(files.Values, f => Assert.Empty(f.Skipped));
        int compared = 0;
        foreach (var r in rows)
        {
            var m = files[r["file"]].Messages[int.Parse(r["message"], CultureInfo.InvariantCulture) - 1];
            Assert.Equal(r["grib2_id"], m.Grib2Id);
            Assert.Equal(r["step"], m.Step);
            Assert.Equal(D(r["level"]), m.LevelInUsualUnits);
            var (i, j) = m.Grid.Nearest(D(r["grid_lat"]), D(r["grid_lon"]))!.Value;
            Assert.Equal(D(r["value"]), m.At(i, j)); // bit for bit
            if (r["site_id"] != "")
            {
                var (si, sj) = m.Grid.Nearest(D(r["lat"]), D(r["lon"]))!.Value;
                Assert.Equal((i, j), (si, sj));
                Assert.Equal(r["grid_lon"], WeatherProfiles.GridDegrees(GribGrid.SameConvention(m.Grid.Lon(si), D(r["lon"]))));
                Assert.Equal(r["grid_lat"], WeatherProfiles.GridDegrees(m.Grid.Lat(sj)));
            }
            compared++;
        }
        Assert.Equal(7158, compared);
    }

    [Fact]
    public void The_gfs_analysis_subset_matches_ecCodes_at_sites()
    {
        var grib = Grib2Reader.Read(Weather("gfs.20200314.t00z.pgrb2.0p25.anl.subset"));
        Assert.Equal(74, grib.Messages.Count);
        var rows = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "gfs_anl_subset_expected.csv"), "message", "value");
        foreach (var r in rows)
        {
            var m = grib.Messages[int.Parse(r["message"], CultureInfo.InvariantCulture) - 1];
            Assert.Equal(r["grib2_id"], m.Grib2Id);
            Assert.Equal(D(r["value"]), GribSampler.Sample(m, D(r["lat"]), D(r["lon"]))!.Value);
            Assert.Equal(D(r["grid_lat"]), m.Grid.Lat(m.Grid.Nearest(D(r["lat"]), D(r["lon"]))!.Value.J));
        }
        Assert.Equal(888, rows.Count);
    }

    [Fact]
    public void Complex_packing_with_spatial_differencing_and_missing_values_matches_ecCodes()
    {
        var grib = Grib2Reader.Read(Path.Combine(ParaglidingPaths.Fixtures, "wave-complex-packing.grib2"));
        var m = Assert.Single(grib.Messages);
        Assert.Equal(3, m.PackingTemplate);
        Assert.Equal(720 * 311, m.Values.Length);
        Assert.Equal(81148, m.Values.Count(double.IsNaN));
        var rows = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "wave_complex_packing_expected.csv"), "point", "lat", "lon", "value");
        Assert.True(rows.Count > 2000);
        foreach (var r in rows)
        {
            var (i, j) = m.Grid.Nearest(D(r["lat"]), D(r["lon"]))!.Value;
            var expected = D(r["value"]);
            Assert.Equal(int.Parse(r["point"], CultureInfo.InvariantCulture), m.Grid.DataIndex(i, j));
            if (double.IsNaN(expected)) Assert.True(double.IsNaN(m.At(i, j)), $"point {r["point"]} should be missing");
            else Assert.Equal(expected, m.At(i, j), 10); // ecCodes prints 17 significant digits of the same double
        }
    }

    [Fact]
    public void A_damaged_file_names_the_file_message_and_byte()
    {
        var bytes = File.ReadAllBytes(Weather("gfs.20200330.t18z.pgrb2.0p25.f012"));
        int first = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));
        var cut = bytes[..(first + 100)]; // the second message cut short
        var e = Assert.Throws<InvalidDataException>(() => Grib2Reader.Parse(cut, "cut.grib2"));
        Assert.StartsWith($"cut.grib2: GRIB message 2, byte {first}: the message declares", e.Message);
        var grib1 = (byte[])bytes.Clone();
        grib1[7] = 1;
        Assert.Contains("edition 1", Assert.Throws<InvalidDataException>(() => Grib2Reader.Parse(grib1, "old.grb")).Message);
    }

    [Fact]
    public void An_unsupported_packing_is_reported_not_guessed()
    {
        var bytes = File.ReadAllBytes(Weather("gfs.20200330.t18z.pgrb2.0p25.f012"));
        // Find section 5 of the first message and set its template to 5.40 (JPEG 2000).
        int s = 16;
        while (bytes[s + 4] != 5) s += (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(s));
        bytes[s + 9] = 0;
        bytes[s + 10] = 40;
        var grib = Grib2Reader.Parse(bytes, "j2k.grib2");
        Assert.Equal(2, grib.Messages.Count);
        var skipped = Assert.Single(grib.Skipped);
        Assert.Equal("message 1", skipped.Location);
        Assert.Contains("5.40 (JPEG 2000)", skipped.Reason);
    }
}
