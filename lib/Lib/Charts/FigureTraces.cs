using System.Text.Json.Nodes;

namespace Lib.Charts;

public sealed partial class Figure
{
    /// <summary>Adds a scatter trace; <paramref name="mode"/> is plotly's (<c>lines</c>, <c>markers</c>, <c>lines+markers</c>).</summary>
    public Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string mode = "lines+markers",
                                  IEnumerable<string>? hoverText = null, int row = 1, int col = 1) =>
        Add(XY("scatter", x, y, name, hoverText, new JsonObject { ["mode"] = mode }), row, col);

    /// <summary>Adds a bar trace; <paramref name="horizontal"/> swaps the axes.</summary>
    public Figure Bar<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, bool horizontal = false,
                              IEnumerable<string>? hoverText = null, int row = 1, int col = 1)
    {
        var trace = XY("bar", x, y, name, hoverText, []);
        if (horizontal) (trace["x"], trace["y"], trace["orientation"]) = (trace["y"]!.DeepClone(), trace["x"]!.DeepClone(), "h");
        return Add(trace, row, col);
    }

    /// <summary>Adds a histogram of <paramref name="values"/>; <paramref name="bins"/> caps the number of bins (plotly chooses when null).</summary>
    public Figure Histogram<T>(IEnumerable<T> values, string? name = null, int? bins = null, bool normalised = false, int row = 1, int col = 1)
    {
        var trace = Named(new JsonObject { ["type"] = "histogram", ["x"] = Values(values) }, name);
        if (bins is not null) trace["nbinsx"] = bins;
        if (normalised) trace["histnorm"] = "probability density";
        return Add(trace, row, col);
    }

    /// <summary>Adds a box plot of <paramref name="values"/>, optionally split into boxes by <paramref name="groups"/> (same length).</summary>
    public Figure Box<T>(IEnumerable<T> values, string? name = null, IEnumerable<string>? groups = null, bool showPoints = false, int row = 1, int col = 1)
    {
        var y = Values(values);
        var trace = Named(new JsonObject { ["type"] = "box", ["y"] = y }, name);
        if (groups is not null)
        {
            var x = Values(groups);
            if (x.Count != y.Count) throw new ArgumentException($"box trace{Label(name)}: {y.Count} values but {x.Count} group labels.");
            trace["x"] = x;
        }
        if (showPoints) trace["boxpoints"] = "all";
        return Add(trace, row, col);
    }

    /// <summary>Adds a heatmap of <paramref name="z"/> ([rows, columns]) with optional axis labels.</summary>
    public Figure Heatmap(double[,] z, IEnumerable<string>? x = null, IEnumerable<string>? y = null, string? name = null,
                          string colorscale = "Viridis", bool showValues = false, int row = 1, int col = 1)
    {
        int rows = z.GetLength(0), cols = z.GetLength(1);
        var grid = new JsonArray();
        for (int r = 0; r < rows; r++)
        {
            var line = new JsonArray();
            for (int c = 0; c < cols; c++) line.Add(double.IsFinite(z[r, c]) ? z[r, c] : null);
            grid.Add(line);
        }
        var trace = Named(new JsonObject { ["type"] = "heatmap", ["z"] = grid, ["colorscale"] = colorscale }, name);
        if (x is not null) trace["x"] = Checked(Values(x), cols, "x labels", "columns", name);
        if (y is not null) trace["y"] = Checked(Values(y), rows, "y labels", "rows", name);
        if (showValues) (trace["texttemplate"], trace["hoverongaps"]) = ("%{z:.2f}", false);
        return Add(trace, row, col);
    }

    /// <summary>Adds a polar bar trace (a wind rose): radii <paramref name="r"/> at angles <paramref name="theta"/> (degrees or category names).</summary>
    public Figure BarPolar<TR, TTheta>(IEnumerable<TR> r, IEnumerable<TTheta> theta, string? name = null, IEnumerable<string>? hoverText = null)
    {
        var rs = Values(r);
        var thetas = Checked(Values(theta), rs.Count, "theta values", "radii", name);
        var trace = Named(new JsonObject { ["type"] = "barpolar", ["r"] = rs, ["theta"] = thetas }, name);
        if (hoverText is not null) trace["hovertext"] = Checked(Values(hoverText), rs.Count, "hover texts", "radii", name);
        _traces.Add(trace);
        return this;
    }

    private static JsonObject XY<TX, TY>(string type, IEnumerable<TX> x, IEnumerable<TY> y, string? name, IEnumerable<string>? hoverText, JsonObject trace)
    {
        var xs = Values(x);
        var ys = Values(y);
        if (xs.Count != ys.Count)
            throw new ArgumentException($"{type} trace{Label(name)}: x has {xs.Count} values but y has {ys.Count}.");
        trace["type"] = type;
        trace["x"] = xs;
        trace["y"] = ys;
        if (hoverText is not null) trace["hovertext"] = Checked(Values(hoverText), xs.Count, "hover texts", "points", name);
        return Named(trace, name);
    }

    private static JsonObject Named(JsonObject trace, string? name)
    {
        if (name is not null) trace["name"] = name;
        return trace;
    }

    private static JsonArray Checked(JsonArray values, int expected, string what, string of, string? name) =>
        values.Count == expected ? values
            : throw new ArgumentException($"trace{Label(name)}: {values.Count} {what} for {expected} {of}.");

    private static string Label(string? name) => name is null ? "" : $" '{name}'";
}
