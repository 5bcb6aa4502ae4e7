using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

/// <summary>Hand-made routes for unit tests.</summary>
internal static class Routes
{
    public static Route Moon(string holds, int angle = 40, double? difficulty = 20, string id = "1", string board = "MOON2016")
    {
        var b = MoonBoards.All.Single(x => x.Key == board);
        var parsed = holds.Split(' ').Select(item =>
        {
            var parts = item.Split(':');
            HoldRoles.TryParse(parts.Length > 1 ? parts[1] : "middle", out var role);
            var h = b.Hold(parts[0]);
            return new RouteHold(h.Name, h.X, h.Y, role);
        }).ToList();
        return new Route
        {
            Board = b.Key, Family = b.Family, Layout = b.Layout, Angle = angle, RouteId = id, Name = "route " + id,
            Holds = parsed, Difficulty = difficulty, Source = "test", Record = "record " + id,
        };
    }
}
