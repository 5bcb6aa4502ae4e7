using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Lib.Notebooks.Execution;

/// <summary>
/// How Plotly.NET charts (<see cref="GenericChart"/>) show in executed notebooks, offline:
/// <c>application/vnd.plotly.v1+json</c> (Plotly.NET's figure JSON, which Jupyter and VS Code draw
/// natively from the <c>.ipynb</c>) and <c>text/html</c> that draws the same figure with the page's
/// plotly.js (the HTML report loads the npm bundle once per page). Plotly.NET.Interactive's formatter
/// (loaded by <c>#r "nuget: Plotly.NET.Interactive"</c>) points at a CDN, so this is applied after it.
/// </summary>
/// <remarks>
/// Plotly.NET serialises its default template (a deep dynamic object, the same for every chart) in about
/// 100 ms each time, which was most of a chart's display; <see cref="Json"/> serialises each template once
/// and the rest of the chart without it, then puts the template back in the JSON (tested equal to
/// <c>GenericChart.toJson</c>). The HTML is built from that one JSON, which the plotly formatter, asked
/// next for the same display, takes instead of serialising again.
/// </remarks>
internal static class ChartFormatting
{
    /// <summary>The MIME type of a plotly figure in Jupyter outputs.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    [ThreadStatic] private static (GenericChart Chart, string Json)? _justFormatted;
    private static readonly ConditionalWeakTable<object, string> Templates = new();
    private static int _next;

    /// <summary>Registers the formatters (process-wide, as every Polyglot formatter is).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(TakeJson(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Html(chart)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType, PlotlyMimeType);
    }

    /// <summary>A div and a script drawing the chart with the page's <c>Plotly</c>.</summary>
    private static string Html(GenericChart chart)
    {
        var json = Json(chart);
        _justFormatted = (chart, json);
        var id = string.Create(CultureInfo.InvariantCulture, $"lab-chart-{Interlocked.Increment(ref _next)}");
        return $"<div id=\"{id}\"></div><script type=\"text/javascript\">(function(){{var f={json.Replace("</", "<\\/")};" +
               $"Plotly.newPlot('{id}',f.data,f.layout,f.config);}})();</script>";
    }

    /// <summary>The JSON the HTML of this same display was built from, else a fresh serialisation.</summary>
    private static string TakeJson(GenericChart chart)
    {
        if (_justFormatted is { } last && ReferenceEquals(last.Chart, chart))
        {
            _justFormatted = null; // once: a chart changed in place and shown again is serialised again
            return last.Json;
        }
        return Json(chart);
    }

    /// <summary>
    /// <c>GenericChart.toJson</c>, with the layout's template serialised once per template object: the
    /// template is taken off the layout for the serialisation and put back (also when it throws).
    /// </summary>
    internal static string Json(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        if (layout.TryGetPropertyValue("template") is not { Value: { } template }) return GenericChart.toJson(chart);
        var templateJson = Templates.GetValue(template, t => JsonConvert.SerializeObject(t));
        string json;
        layout.RemoveProperty("template");
        try { json = GenericChart.toJson(chart); }
        finally { layout.SetProperty("template", template); }
        var figure = JsonNode.Parse(json)!;
        (figure["layout"] ??= new JsonObject())["template"] = JsonNode.Parse(templateJson);
        return figure.ToJsonString();
    }
}
