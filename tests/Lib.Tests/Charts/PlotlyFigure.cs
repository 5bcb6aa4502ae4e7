using System.Text.Json.Nodes;
using Lib.Charts;
using Plotly.NET;

namespace Lib.Tests.Charts;

/// <summary>Reads a chart back as the plotly.js figure Plotly.NET writes, for assertions.</summary>
internal static class PlotlyFigure
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GenericChart, JsonNode> Checked = new();

    /// <summary>
    /// The figure: <c>{"data", "layout", "config"}</c>, as <see cref="ChartJson"/> writes it; every chart a test reads is
    /// also checked (once) to be, as JSON, what Plotly.NET's own <see cref="GenericChart.toJson"/> writes.
    /// </summary>
    public static JsonNode Of(GenericChart chart) => Checked.GetValue(chart, c =>
    {
        var figure = JsonNode.Parse(ChartJson.Of(c))!;
        var plotly = JsonNode.Parse(GenericChart.toJson(c))!;
        Assert.True(JsonNode.DeepEquals(plotly, figure), $"ChartJson differs from GenericChart.toJson:\n{figure}\n{plotly}");
        return figure;
    }).DeepClone();

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
