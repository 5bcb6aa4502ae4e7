using System.Text.Json.Nodes;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

public class BoardMapsTests
{
    [Fact]
    public void A_hold_map_draws_the_board_then_one_series_per_role_used()
    {
        var route = Routes.Moon("E6:start C5:start F11 K18:finish");
        var figure = BoardMaps.HoldMap(MoonBoards.Moon2016, route);
        var data = JsonNode.Parse(figure.ToJson())!["data"]!.AsArray();
        Assert.Equal(["board holds", "start", "middle", "finish"], data.Select(t => (string)t!["name"]!));
        Assert.Equal(198, data[0]!["x"]!.AsArray().Count);
        Assert.Equal(["E6", "C5"], data[1]!["hovertext"]!.AsArray().Select(v => (string)v!));
        Assert.Throws<ArgumentException>(() => BoardMaps.HoldMap(MoonBoards.Moon2019, route));
    }

    [Fact]
    public void Cell_usage_is_the_share_of_routes_per_cell_on_the_grid()
    {
        var routes = new[] { Routes.Moon("A1:start K18:finish", id: "1"), Routes.Moon("A1:start B2 K18:finish", id: "2") };
        var z = JsonNode.Parse(BoardMaps.CellUsage(MoonBoards.Moon2016, routes).ToJson())!["data"]![0]!["z"]!.AsArray();
        Assert.Equal(18, z.Count);
        Assert.Equal(1.0, (double)z[0]![0]!);   // A1: both routes
        Assert.Equal(0.5, (double)z[1]![1]!);   // B2: one of two
        Assert.Equal(1.0, (double)z[17]![10]!); // K18
        var kilter = new Board { Key = "K", Family = "Kilter", Layout = "k", Holds = [] };
        Assert.Contains("use HoldMap", Assert.Throws<ArgumentException>(() => BoardMaps.CellUsage(kilter, routes)).Message);
    }
}
