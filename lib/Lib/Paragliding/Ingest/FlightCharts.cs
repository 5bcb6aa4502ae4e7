using Lib.Charts;
using Lib.Paragliding.Domain;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Charts of the flights and sites (Plotly.NET, no map tiles): sites on a geographic scatter of France coloured by a
/// value, flights per day, and the busiest takeoffs.
/// </summary>
public static class FlightCharts
{
    /// <summary>The sites with coordinates at their launches, coloured by <paramref name="values"/> (one per site;
    /// the colour bar titled <paramref name="valueName"/>).</summary>
    public static GenericChart SiteMap(
        IReadOnlyList<TakeoffSite> sites,
        IReadOnlyList<double> values,
        string valueName,
        string title
    )
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(values);
        if (sites.Count != values.Count)
            throw new ArgumentException($"{sites.Count} sites but {values.Count} values.", nameof(values));
        var mapped = Enumerable.Range(0, sites.Count).Where(i => sites[i].HasCoordinates).ToList();
        return Chart
            .PointGeo<double, double, string>(
                mapped.Select(i => sites[i].Longitude!.Value),
                mapped.Select(i => sites[i].Latitude!.Value),
                Name: valueName,
                MultiText: mapped.Select(i => $"{sites[i].SiteId} {sites[i].Takeoff}: {values[i]:0.###}").ToArray()
            )
            .WithTraceProperty(
                "marker",
                new Dictionary<string, object>
                {
                    ["color"] = mapped.Select(i => values[i]).ToArray(),
                    ["colorscale"] = "Viridis",
                    ["showscale"] = true,
                    ["size"] = 9,
                    ["colorbar"] = new Dictionary<string, object> { ["title"] = valueName },
                }
            )
            .WithLayoutProperty(
                "geo",
                new Dictionary<string, object>
                {
                    ["scope"] = "europe",
                    ["resolution"] = 50,
                    ["lataxis"] = new Dictionary<string, object> { ["range"] = new[] { 41.0, 51.5 } },
                    ["lonaxis"] = new Dictionary<string, object> { ["range"] = new[] { -5.5, 10.0 } },
                    ["showcountries"] = true,
                }
            )
            .WithTitle(title)
            .WithHeight(520);
    }

    /// <summary>Flights listed per day.</summary>
    public static GenericChart FlightsPerDay(IReadOnlyList<Flight> flights)
    {
        var days = flights.GroupBy(f => f.Date).OrderBy(g => g.Key).ToList();
        return Chart
            .Column<int, string, string>(
                days.Select(g => g.Count()),
                Keys: days.Select(g => g.Key.ToString("yyyy-MM-dd")).ToArray(),
                Name: "flights"
            )
            .WithTitle("CFD flights per day (weeks ≡ 0 mod 4 are held out: the gaps)")
            .WithAxisTitles("day", "flights")
            .WithHeight(360);
    }

    /// <summary>The <paramref name="top"/> takeoffs by flights.</summary>
    public static GenericChart FlightsPerSite(IReadOnlyList<Flight> flights, int top = 25)
    {
        var sites = flights.GroupBy(f => f.Takeoff).OrderByDescending(g => g.Count()).Take(top).Reverse().ToList();
        return Chart
            .Bar<int, string, string>(
                sites.Select(g => g.Count()),
                Keys: sites.Select(g => g.Key).ToArray(),
                Name: "flights"
            )
            .WithTitle($"The {top} busiest takeoffs")
            .WithAxisTitles("flights", null)
            .WithHeight(560);
    }
}
