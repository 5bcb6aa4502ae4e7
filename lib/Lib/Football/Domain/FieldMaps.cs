using System.Globalization;
using Lib.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Football.Domain;

/// <summary>
/// Plays drawn on a football field (Plotly.NET charts): the field (end zones, a line every 10 yd, the line of
/// scrimmage) under any traces, and a play's paths from its tracking rows, offence blue, defence red, the ball brown.
/// </summary>
public static class FieldMaps
{
    /// <summary>The colour of each side's paths.</summary>
    public static string ColorOf(Side side) =>
        side switch
        {
            Side.Offense => "#1f77b4",
            Side.Defense => "#d62728",
            _ => "#8c564b",
        };

    /// <summary><paramref name="traces"/> on the field, x 0–120 and y 0–53.3 at equal scale, with the line of
    /// scrimmage at <paramref name="scrimmage"/> when given.</summary>
    public static GenericChart OnField(
        IEnumerable<GenericChart> traces,
        string title,
        double? scrimmage = null,
        int height = 460
    )
    {
        ArgumentNullException.ThrowIfNull(traces);
        var shapes = new List<Dictionary<string, object>>
        {
            Rect(0, Field.EndZone, "rgba(0,100,0,0.15)"),
            Rect(Field.Length - Field.EndZone, Field.Length, "rgba(0,100,0,0.15)"),
            Rect(0, Field.Length, "rgba(0,0,0,0)"),
        };
        for (int x = 10; x <= 110; x += 10)
            shapes.Add(Line(x, "rgba(0,0,0,0.25)", 1));
        if (scrimmage is { } los)
            shapes.Add(Line(los, "#ff7f0e", 2));
        var y = new Plotly.NET.LayoutObjects.LinearAxis();
        y.SetProperty("scaleanchor", "x");
        y.SetProperty("range", new[] { -2.0, Field.Width + 2 });
        y.SetProperty("title", new Dictionary<string, object> { ["text"] = "y (yd)" });
        return Plotly
            .NET.Chart.withYAxis(y, null)
            .Invoke(
                Chart
                    .Combine(traces)
                    .WithXAxisStyle<double, double, string>(
                        TitleText: "x (yd)",
                        MinMax: Tuple.Create(-2.0, Field.Length + 2)
                    )
            )
            .WithLayoutProperty("shapes", shapes)
            .WithTitle(title)
            .WithHeight(height);
    }

    /// <summary>
    /// The paths of a play's entities from its tracking rows (in the rows' own frame), between
    /// <paramref name="fromFrame"/> and <paramref name="toFrame"/> (default: all); a dot marks where each path
    /// starts.
    /// </summary>
    public static GenericChart PlayPaths(
        IEnumerable<TrackingRow> rows,
        Play play,
        int? fromFrame = null,
        int? toFrame = null,
        string? title = null
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(play);
        var tracks = rows.Where(r =>
                r.Play == play.Key && r.FrameId >= (fromFrame ?? int.MinValue) && r.FrameId <= (toFrame ?? int.MaxValue)
            )
            .GroupBy(r => (r.NflId, r.IsBall))
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.FrameId).ToList();
                var first = ordered[0];
                var label = first.IsBall ? "ball" : $"{first.DisplayName} ({first.Position})";
                return (Side: play.SideOf(first.Team), Label: label, Points: ordered.Select(r => (r.X, r.Y)).ToList());
            })
            .ToList();
        return OnField(
            Paths(tracks),
            title ?? $"{play.Key} {play.Type.Name()}, attacking {play.Direction.ToString().ToLowerInvariant()}",
            play.AbsoluteYardline
        );
    }

    /// <summary>Path traces: one line per entity coloured by side, one legend entry per side.</summary>
    public static IEnumerable<GenericChart> Paths(
        IEnumerable<(Side Side, string Label, List<(double X, double Y)> Points)> tracks
    )
    {
        var shown = new HashSet<Side>();
        foreach (var (side, label, points) in tracks)
        {
            if (points.Count == 0)
                continue;
            yield return Chart
                .Line<double, double, string>(
                    points.Select(p => p.X),
                    points.Select(p => p.Y),
                    Name: side.ToString().ToLowerInvariant(),
                    ShowLegend: shown.Add(side)
                )
                .WithTraceProperty("legendgroup", side.ToString())
                .WithTraceProperty(
                    "line",
                    new Dictionary<string, object>
                    {
                        ["color"] = ColorOf(side),
                        ["width"] = side == Side.Ball ? 3 : 1.5,
                    }
                )
                .WithTraceProperty("hovertext", label);
            yield return Chart
                .Point<double, double, string>([points[0].X], [points[0].Y], ShowLegend: false)
                .WithTraceProperty("legendgroup", side.ToString())
                .WithTraceProperty("marker", new Dictionary<string, object> { ["color"] = ColorOf(side), ["size"] = 6 })
                .WithTraceProperty("hovertext", label);
        }
    }

    private static Dictionary<string, object> Rect(double x0, double x1, string fill) =>
        new()
        {
            ["type"] = "rect",
            ["x0"] = x0,
            ["x1"] = x1,
            ["y0"] = 0,
            ["y1"] = Field.Width,
            ["fillcolor"] = fill,
            ["line"] = new Dictionary<string, object> { ["color"] = "rgba(0,0,0,0.5)", ["width"] = 1 },
            ["layer"] = "below",
        };

    private static Dictionary<string, object> Line(double x, string color, double width) =>
        new()
        {
            ["type"] = "line",
            ["x0"] = x,
            ["x1"] = x,
            ["y0"] = 0,
            ["y1"] = Field.Width,
            ["line"] = new Dictionary<string, object> { ["color"] = color, ["width"] = width },
            ["layer"] = "below",
            ["name"] = x.ToString(CultureInfo.InvariantCulture),
        };
}
