using System.Text.Json;
using Lib.Charts;
using Lib.Paragliding.Ingest;

namespace Lib.Tests.Paragliding;

/// <summary>The IGC and weather charts carry the traces they promise, with no invalid JSON for missing values.</summary>
public class ParaglidingChartsTests
{
    private static JsonElement Traces(Plotly.NET.GenericChart chart) => JsonDocument.Parse(ChartJson.Of(chart)).RootElement.GetProperty("data");

    [Fact]
    public void The_track_map_shows_the_track_the_routes_and_each_flight()
    {
        var log = IgcReader.Read(Path.Combine(ParaglidingPaths.Igc, "igc_lib_flight_with_middle_landing.igc"));
        var summary = FlightSummaries.Summarise(log);
        var names = Traces(IgcCharts.TrackMap(log, summary)).EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Equal("track", names[0]);
        Assert.StartsWith("free distance", names[1]);
        Assert.StartsWith("FAI triangle", names[2]);
        Assert.Equal(2, names.Count(n => n.StartsWith("flight ")));
        Assert.Equal(log.ValidFixes.Count, Traces(IgcCharts.TrackMap(log, summary))[0].GetProperty("x").GetArrayLength());
        Assert.Equal(2, Traces(IgcCharts.AltitudeProfile(log)).GetArrayLength());
    }

    [Fact]
    public void A_field_with_a_bitmap_draws_missing_points_as_gaps()
    {
        var grib = Grib2Reader.Read(Path.Combine(ParaglidingPaths.Weather, "geavg.t06z.pgrb2a.0p50.f006"));
        var soil = grib.Messages.First(m => m.Values.Any(double.IsNaN));
        var z = Traces(WeatherCharts.Field(soil))[0].GetProperty("z");
        var cells = z.EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList();
        Assert.Equal(soil.Values.Count(double.IsNaN), cells.Count(c => c.ValueKind == JsonValueKind.Null));
        Assert.Equal(soil.Grid.Nj, z.GetArrayLength());
    }
}
