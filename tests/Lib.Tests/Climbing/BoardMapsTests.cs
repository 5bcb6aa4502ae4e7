using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Tests.Charts;

namespace Lib.Tests.Climbing;

public class BoardMapsTests
{
    [Fact]
    public void A_hold_map_draws_the_board_then_one_series_per_role_used()
    {
        var route = Routes.Moon("E6:start C5:start F11 K18:finish");
        var chart = BoardMaps.HoldMap(MoonBoards.Moon2016, route, height: 480);
        var data = PlotlyFigure.Traces(chart);
        Assert.Equal(["board holds", "start", "middle", "finish"], data.Select(t => (string)t!["name"]!));
        Assert.All(data, t => Assert.Equal(("scatter", "markers"), ((string)t!["type"]!, (string)t["mode"]!)));
        Assert.Equal(198, data[0]!["x"]!.AsArray().Count);
        Assert.Equal(["E6", "C5"], data[1]!["hovertext"]!.AsArray().Select(v => (string)v!));
        var e6 = MoonBoards.Moon2016.Hold("E6");
        Assert.Equal((e6.X, e6.Y), ((double)data[1]!["x"]![0]!, (double)data[1]!["y"]![0]!));
        var layout = PlotlyFigure.Layout(chart);
        Assert.Equal($"route 1 on {MoonBoards.Moon2016.Layout} at 40°", PlotlyFigure.Title(chart));
        Assert.Equal("x (left → right)", PlotlyFigure.AxisTitle(chart, "xaxis"));
        Assert.Equal("y (bottom → top)", PlotlyFigure.AxisTitle(chart, "yaxis"));
        Assert.Equal("x", (string)layout["yaxis"]!["scaleanchor"]!);
        Assert.Equal([-1.1, 1.1], PlotlyFigure.Numbers(layout["xaxis"]!, "range"));
        Assert.Equal(480, (int)layout["height"]!);
        Assert.Throws<ArgumentException>(() => BoardMaps.HoldMap(MoonBoards.Moon2019, route));
    }

    [Fact]
    public void Cell_usage_is_the_share_of_routes_per_cell_on_the_grid()
    {
        var routes = new[] { Routes.Moon("A1:start K18:finish", id: "1"), Routes.Moon("A1:start B2 K18:finish", id: "2") };
        var chart = BoardMaps.CellUsage(MoonBoards.Moon2016, routes);
        var heatmap = Assert.Single(PlotlyFigure.Traces(chart))!;
        Assert.Equal("heatmap", (string)heatmap["type"]!);
        Assert.Equal("YlOrRd", (string)heatmap["colorscale"]!);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"], heatmap["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("18", (string)heatmap["y"]![17]!);
        Assert.Equal(("column", "row"), (PlotlyFigure.AxisTitle(chart, "xaxis"), PlotlyFigure.AxisTitle(chart, "yaxis")));
        Assert.Contains("share of 2 routes", PlotlyFigure.Title(chart));
        var z = heatmap["z"]!.AsArray();
        Assert.Equal(18, z.Count);
        Assert.Equal(1.0, (double)z[0]![0]!);   // A1: both routes
        Assert.Equal(0.5, (double)z[1]![1]!);   // B2: one of two
        Assert.Equal(1.0, (double)z[17]![10]!); // K18
        var kilter = new Board { Key = "K", Family = "Kilter", Layout = "k", Holds = [] };
        Assert.Contains("use HoldMap", Assert.Throws<ArgumentException>(() => BoardMaps.CellUsage(kilter, routes)).Message);
    }
}
