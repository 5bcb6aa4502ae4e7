using System.Globalization;
using Lib.Charts;

namespace Lib.Climbing.Ingest;

/// <summary>Charts of boards: every hold position with a route's holds by role on top, and how often each MoonBoard cell is used.</summary>
public static class BoardMaps
{
    /// <summary>The board's holds, and when given a route's holds as one series per role (hover: hold name).</summary>
    public static Figure HoldMap(Board board, Route? route = null, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(board);
        var title = route is null ? $"{board.Layout}: {board.Holds.Count} holds" : $"{route.Name} on {board.Layout} at {route.Angle}°";
        var figure = new Figure(title)
            .Scatter(board.Holds.Select(h => h.X), board.Holds.Select(h => h.Y), "board holds", mode: "markers", hoverText: board.Holds.Select(h => h.Name));
        if (route is not null)
        {
            if (route.Board != board.Key) throw new ArgumentException($"Route {route.Key} is on board {route.Board}, not {board.Key}.", nameof(route));
            foreach (var role in Enum.GetValues<HoldRole>())
            {
                var holds = route.Holds.Where(h => h.Role == role).ToList();
                if (holds.Count > 0) figure.Scatter(holds.Select(h => h.X), holds.Select(h => h.Y), role.Code(), mode: "markers", hoverText: holds.Select(h => h.Hold));
            }
        }
        return figure.Layout("yaxis", new { scaleanchor = "x", range = new[] { -1.1, 1.1 } }).Layout("xaxis", new { range = new[] { -1.1, 1.1 } })
            .Axes("x (left → right)", "y (bottom → top)").Height(height);
    }

    /// <summary>For a MoonBoard: the share of <paramref name="routes"/> that use each cell (columns A–K, rows bottom to top).</summary>
    public static Figure CellUsage(Board board, IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(routes);
        if (board.Family != "MoonBoard") throw new ArgumentException($"Cell usage is drawn for MoonBoard grids; {board.Key} is a {board.Family} board (use HoldMap).", nameof(board));
        var columns = board.Holds.Select(h => h.Name[..1]).Distinct().ToList();
        int rows = board.Holds.Max(h => int.Parse(h.Name.AsSpan(1), CultureInfo.InvariantCulture));
        var z = new double[rows, columns.Count];
        var list = routes.Where(r => r.Board == board.Key).ToList();
        foreach (var r in list)
            foreach (var h in r.Holds)
                z[int.Parse(h.Hold.AsSpan(1), CultureInfo.InvariantCulture) - 1, columns.IndexOf(h.Hold[..1])] += 1.0 / list.Count;
        return new Figure($"{board.Layout}: share of {list.Count} routes using each hold")
            .Heatmap(z, columns, Enumerable.Range(1, rows).Select(r => r.ToString(CultureInfo.InvariantCulture)), colorscale: "YlOrRd")
            .Axes("column", "row").Height(Math.Max(320, rows * 28));
    }
}
