using System.Globalization;
using Lib.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Climbing.Domain;

/// <summary>
/// Charts of boards (Plotly.NET): every hold position with a route's holds by role on top, and how often
/// each MoonBoard cell is used.
/// </summary>
public static class BoardMaps
{
    /// <summary>The board's holds, and when given a route's holds as one series per role (hover: hold name).</summary>
    public static GenericChart HoldMap(Board board, Route? route = null, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(board);
        var title = route is null
            ? $"{board.Layout}: {board.Holds.Count} holds"
            : $"{route.Name} on {board.Layout} at {route.Angle}°";
        var series = new List<GenericChart> { Holds(board.Holds.Select(h => (h.X, h.Y, h.Name)), "board holds") };
        if (route is not null)
        {
            if (route.Board != board.Key)
                throw new ArgumentException(
                    $"Route {route.Key} is on board {route.Board}, not {board.Key}.",
                    nameof(route)
                );
            foreach (var role in Enum.GetValues<HoldRole>())
            {
                var holds = route.Holds.Where(h => h.Role == role).ToList();
                if (holds.Count > 0)
                    series.Add(Holds(holds.Select(h => (h.X, h.Y, h.Hold)), role.Code()));
            }
        }
        var range = Tuple.Create(-1.1, 1.1);
        var squareCells = new Plotly.NET.LayoutObjects.LinearAxis();
        squareCells.SetProperty("scaleanchor", "x");
        return Plotly
            .NET.Chart.withYAxis(squareCells, null)
            .Invoke(
                Chart
                    .Combine(series)
                    .WithXAxisStyle<double, double, string>(TitleText: "x (left → right)", MinMax: range)
                    .WithYAxisStyle<double, double, string>(TitleText: "y (bottom → top)", MinMax: range)
            )
            .WithTitle(title)
            .WithHeight(height);
    }

    /// <summary>
    /// For a MoonBoard: the share of <paramref name="routes"/> that use each cell (columns A–K, rows bottom to
    /// top).
    /// </summary>
    public static GenericChart CellUsage(Board board, IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(routes);
        if (board.Family != "MoonBoard")
            throw new ArgumentException(
                $"Cell usage is drawn for MoonBoard grids; {board.Key} is a {board.Family} board (use HoldMap).",
                nameof(board)
            );
        var columns = board.Holds.Select(h => h.Name[..1]).Distinct().ToList();
        int rows = board.Holds.Max(h => int.Parse(h.Name.AsSpan(1), CultureInfo.InvariantCulture));
        var z = new double[rows][];
        for (int r = 0; r < rows; r++)
            z[r] = new double[columns.Count];
        var list = routes.Where(r => r.Board == board.Key).ToList();
        foreach (var r in list)
        foreach (var h in r.Holds)
        {
            int row = int.Parse(h.Hold.AsSpan(1), CultureInfo.InvariantCulture) - 1;
            z[row][columns.IndexOf(h.Hold[..1])] += 1.0 / list.Count;
        }
        var rowNames = Enumerable.Range(1, rows).Select(r => r.ToString(CultureInfo.InvariantCulture));
        return Chart
            .Heatmap<double, string, string, string>(z, X: columns, Y: rowNames.ToList())
            .WithTraceProperty("colorscale", "YlOrRd")
            .WithTitle($"{board.Layout}: share of {list.Count} routes using each hold")
            .WithAxisTitles("column", "row")
            .WithHeight(Math.Max(320, rows * 28));
    }

    private static GenericChart Holds(IEnumerable<(double X, double Y, string Name)> holds, string name)
    {
        var list = holds.ToList();
        return Chart
            .Point<double, double, string>(list.Select(h => h.X), list.Select(h => h.Y), Name: name)
            .WithTraceProperty("hovertext", list.Select(h => h.Name).ToArray());
    }
}
