using System.Text.Json;
using System.Text.Json.Nodes;
using Lib.Tensors.Formatting;

namespace Lib.Charts;

/// <summary>
/// A plotly.js figure (traces plus layout) built in C# and rendered as self-contained HTML that
/// works offline. Notebooks show it through its formatter; <see cref="SaveHtml"/> writes a page and
/// <see cref="SavePng"/> a picture (through headless Chromium). Trace builders are in
/// <c>FigureTraces.cs</c>; every one accepts <c>row</c>/<c>col</c> for a <see cref="Grid"/> of subplots.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource))]
public sealed partial class Figure
{
    private readonly JsonArray _traces = [];
    private readonly JsonObject _layout = [];
    private int _columns = 1;
    private int _rows = 1;

    /// <summary>Creates an empty figure with an optional title.</summary>
    public Figure(string? title = null)
    {
        if (title is not null) Title(title);
    }

    /// <summary>The number of traces added so far.</summary>
    public int TraceCount => _traces.Count;

    /// <summary>Sets the figure title.</summary>
    public Figure Title(string title)
    {
        _layout["title"] = new JsonObject { ["text"] = title };
        return this;
    }

    /// <summary>Splits the figure into a grid of independent subplots; traces pick a cell with <c>row</c>/<c>col</c> (1-based).</summary>
    public Figure Grid(int rows, int columns)
    {
        if (rows < 1 || columns < 1) throw new ArgumentOutOfRangeException(nameof(rows), $"A grid needs at least one row and column, got {rows}x{columns}.");
        (_rows, _columns) = (rows, columns);
        _layout["grid"] = new JsonObject { ["rows"] = rows, ["columns"] = columns, ["pattern"] = "independent" };
        return this;
    }

    /// <summary>Sets the axis titles (of one subplot when the figure is a grid); <paramref name="logY"/> makes the y axis logarithmic.</summary>
    public Figure Axes(string? xTitle = null, string? yTitle = null, int row = 1, int col = 1, bool logY = false)
    {
        var suffix = AxisSuffix(row, col);
        if (xTitle is not null) Axis("xaxis" + suffix)["title"] = new JsonObject { ["text"] = xTitle };
        if (yTitle is not null) Axis("yaxis" + suffix)["title"] = new JsonObject { ["text"] = yTitle };
        if (logY) Axis("yaxis" + suffix)["type"] = "log";
        return this;
    }

    /// <summary>Sets the height in pixels (the width follows the container unless <paramref name="width"/> is given).</summary>
    public Figure Size(int height, int? width = null)
    {
        _layout["height"] = height;
        if (width is not null) _layout["width"] = width;
        return this;
    }

    /// <summary>Sets the height in pixels.</summary>
    public Figure Height(int pixels) => Size(pixels);

    /// <summary>Sets a layout property by its plotly name, for anything the builder does not cover (<c>"barmode"</c>, <c>"legend"</c> ...).</summary>
    public Figure Layout(string name, object? value)
    {
        _layout[name] = JsonSerializer.SerializeToNode(value);
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
    public void SaveHtml(string path) => PlotlyPage.Save(path, TitleText, ToJson());

    /// <summary>Writes a PNG picture rendered by headless Chromium.</summary>
    /// <exception cref="Lib.Platform.NativeToolNotFoundException">Chromium is not installed.</exception>
    public void SavePng(string path, int width = 900, int height = 500) =>
        ChromiumRenderer.Screenshot(PlotlyPage.Page(TitleText, ToJson(), width, height), path, width, height);

    private string TitleText => _layout["title"]?["text"]?.GetValue<string>() ?? "Figure";

    private JsonObject Axis(string name) => _layout[name] as JsonObject ?? (JsonObject)(_layout[name] = new JsonObject());

    private string AxisSuffix(int row, int col)
    {
        if (row < 1 || row > _rows || col < 1 || col > _columns)
            throw new ArgumentOutOfRangeException(nameof(row), $"Subplot ({row}, {col}) is outside the {_rows}x{_columns} grid; call Grid(rows, columns) first.");
        int index = (row - 1) * _columns + col;
        return index == 1 ? "" : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private Figure Add(JsonObject trace, int row, int col)
    {
        var suffix = AxisSuffix(row, col);
        if (suffix.Length > 0)
        {
            trace["xaxis"] = "x" + suffix;
            trace["yaxis"] = "y" + suffix;
        }
        _traces.Add(trace);
        return this;
    }

    private static JsonArray Values<T>(IEnumerable<T> values) => JsonSerializer.SerializeToNode(values.ToArray())!.AsArray();
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
