using Lib.Charts;
using Lib.Paragliding.Domain;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Charts of an IGC log (Plotly.NET, no map tiles, so they render offline): the track in longitude/latitude with
/// equal ground scale, the takeoff and landing, the free-distance route and the best FAI triangle; and the altitude
/// profile (GNSS and pressure) over time.
/// </summary>
public static class IgcCharts
{
    /// <summary>The track of the valid fixes with the summary's flights and XC routes on top.</summary>
    public static GenericChart TrackMap(IgcLog log, FlightSummary summary, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(summary);
        var fixes = log.ValidFixes;
        var series = new List<GenericChart>
        {
            Chart
                .Line<double, double, string>(fixes.Select(f => f.Lon), fixes.Select(f => f.Lat), Name: "track")
                .WithTraceProperty("line", new Dictionary<string, object> { ["width"] = 1, ["color"] = "#7f8c8d" }),
        };
        if (summary.Xc.FreeTurnpoints.Count > 0)
            series.Add(Route(fixes, summary.Xc.FreeTurnpoints, $"free distance {summary.Xc.FreeKm:0.0} km", false));
        if (summary.Xc.FaiTriangle.Count > 0)
            series.Add(Route(fixes, summary.Xc.FaiTriangle, $"FAI triangle {summary.Xc.FaiTriangleKm:0.0} km", true));
        foreach (var (flight, k) in summary.Flights.Select((f, k) => (f, k + 1)))
        {
            var ends = new[] { fixes[flight.TakeoffIndex], fixes[flight.LandingIndex] };
            series.Add(
                Chart
                    .Point<double, double, string>(
                        ends.Select(f => f.Lon),
                        ends.Select(f => f.Lat),
                        Name: $"flight {k}: takeoff {flight.TakeoffUtc:HH:mm}, landing {flight.LandingUtc:HH:mm} UTC"
                    )
                    .WithTraceProperty("marker", new Dictionary<string, object> { ["size"] = 11, ["symbol"] = "star" })
            );
        }
        double midLat = fixes.Count > 0 ? fixes.Average(f => f.Lat) : 0;
        var y = new Plotly.NET.LayoutObjects.LinearAxis();
        y.SetProperty("scaleanchor", "x");
        y.SetProperty("scaleratio", 1 / Math.Cos(midLat * Math.PI / 180)); // equal km in both directions
        return Plotly
            .NET.Chart.withYAxis(y, null)
            .Invoke(Chart.Combine(series))
            .WithTitle($"{log.File}: {summary.Fixes} valid fixes, track {summary.TrackKm:0.0} km")
            .WithAxisTitles("longitude (°E)", "latitude (°N)")
            .WithHeight(height);
    }

    /// <summary>GNSS and pressure altitude of the valid fixes over time (UTC).</summary>
    public static GenericChart AltitudeProfile(IgcLog log, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(log);
        var fixes = log.ValidFixes;
        var times = fixes.Select(f => f.TimeUtc).ToList();
        return Chart
            .Combine([
                Chart.Line<DateTime, int, string>(times, fixes.Select(f => f.GnssAltM), Name: "GNSS altitude"),
                Chart.Line<DateTime, int, string>(times, fixes.Select(f => f.PressureAltM), Name: "pressure altitude"),
            ])
            .WithTitle($"{log.File}: altitude")
            .WithAxisTitles("time (UTC)", "altitude (m)")
            .WithHeight(height);
    }

    private static GenericChart Route(IReadOnlyList<IgcFix> fixes, IReadOnlyList<int> at, string name, bool closed)
    {
        var points = at.Select(i => fixes[i]).ToList();
        if (closed)
            points.Add(points[0]);
        return Chart.Line<double, double, string>(
            points.Select(f => f.Lon),
            points.Select(f => f.Lat),
            Name: name,
            ShowMarkers: true
        );
    }
}
