using System.Text.Json;
using System.Text.Json.Nodes;
using Lib.Tensors.Formatting;

namespace Lib.Charts;

/// <summary>
/// A plotly.js figure (traces plus layout) built in C# and rendered as self-contained HTML that
/// works offline. Notebooks show it through its formatter; <see cref="SaveHtml"/> writes a page.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource))]
public sealed class Figure
{
    private readonly JsonArray _traces = [];
    private readonly JsonObject _layout = [];

    /// <summary>Creates an empty figure with an optional title.</summary>
    public Figure(string? title = null)
    {
        if (title is not null) Title(title);
    }

    /// <summary>The number of traces added so far.</summary>
    public int TraceCount => _traces.Count;

    /// <summary>Adds a scatter trace; <paramref name="mode"/> is plotly's (<c>lines</c>, <c>markers</c>, <c>lines+markers</c>).</summary>
    public Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string mode = "lines+markers") =>
        AddTrace("scatter", x, y, name, new JsonObject { ["mode"] = mode });

    /// <summary>Adds a bar trace.</summary>
    public Figure Bar<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null) =>
        AddTrace("bar", x, y, name, []);

    /// <summary>Sets the figure title.</summary>
    public Figure Title(string title)
    {
        _layout["title"] = new JsonObject { ["text"] = title };
        return this;
    }

    /// <summary>Sets the axis titles.</summary>
    public Figure Axes(string? xTitle = null, string? yTitle = null)
    {
        if (xTitle is not null) _layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } };
        if (yTitle is not null) _layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } };
        return this;
    }

    /// <summary>Sets the height in pixels (the width follows the container).</summary>
    public Figure Height(int pixels)
    {
        _layout["height"] = pixels;
        return this;
    }

    /// <summary>The figure as plotly JSON: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public string ToJson() => new JsonObject
    {
        ["data"] = _traces.DeepClone(),
        ["layout"] = _layout.DeepClone(),
    }.ToJsonString();

    /// <summary>An HTML fragment that draws the figure; it carries the plotly.js bundle when the page does not have it yet.</summary>
    public string ToHtml() => PlotlyPage.Fragment(ToJson());

    /// <summary>Writes a standalone HTML page (atomically: temporary file, then rename).</summary>
    public void SaveHtml(string path)
    {
        var title = _layout["title"]?["text"]?.GetValue<string>() ?? "Figure";
        PlotlyPage.Save(path, title, ToJson());
    }

    private Figure AddTrace<TX, TY>(string type, IEnumerable<TX> x, IEnumerable<TY> y, string? name, JsonObject extra)
    {
        var xs = JsonSerializer.SerializeToNode(x.ToArray())!;
        var ys = JsonSerializer.SerializeToNode(y.ToArray())!;
        if (xs.AsArray().Count != ys.AsArray().Count)
            throw new ArgumentException($"{type} trace{(name is null ? "" : $" '{name}'")}: x has {xs.AsArray().Count} values but y has {ys.AsArray().Count}.");
        extra["type"] = type;
        extra["x"] = xs;
        extra["y"] = ys;
        if (name is not null) extra["name"] = name;
        _traces.Add(extra);
        return this;
    }
}

/// <summary>Renders <see cref="Figure"/> as an interactive chart.</summary>
public sealed class FigureFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<Figure>("text/html", f => f.ToHtml()),
        new TypeFormatter<Figure>("text/plain", f => $"Figure with {f.TraceCount} trace(s)"),
    ];
}
