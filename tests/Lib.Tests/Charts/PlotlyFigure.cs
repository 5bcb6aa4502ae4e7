using System.Text.Json.Nodes;
using Lib.Charts;
using Plotly.NET;

namespace Lib.Tests.Charts;

/// <summary>Reads a chart back as the plotly.js figure Plotly.NET writes, for assertions.</summary>
internal static class PlotlyFigure
{
    /// <summary>The figure: <c>{"data", "layout", "config"}</c>.</summary>
    public static JsonNode Of(GenericChart chart) => JsonNode.Parse(ChartJson.Of(chart))!;

    /// <summary>The traces.</summary>
    public static JsonArray Traces(GenericChart chart) => Of(chart)["data"]!.AsArray();

    /// <summary>The layout.</summary>
    public static JsonObject Layout(GenericChart chart) => Of(chart)["layout"]!.AsObject();

    /// <summary>The title of one axis (<c>"xaxis"</c>, <c>"yaxis2"</c> …), or null.</summary>
    public static string? AxisTitle(GenericChart chart, string axis) => (string?)Layout(chart)[axis]?["title"]?["text"];

    /// <summary>The chart's title, or null.</summary>
    public static string? Title(GenericChart chart) => (string?)Layout(chart)["title"]?["text"];

    /// <summary>A property of every trace, as strings.</summary>
    public static IEnumerable<string?> Each(GenericChart chart, string property) =>
        Traces(chart).Select(t => t![property]?.ToString());

    /// <summary>A numeric array property of one trace ("NaN" and null read as NaN).</summary>
    public static double[] Numbers(JsonNode trace, string property) =>
        [.. trace[property]!.AsArray()
            .Select(v => v is JsonValue value && value.TryGetValue<double>(out var d) ? d : double.NaN)];
}
