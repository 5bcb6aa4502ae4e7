using System.Globalization;
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
/// Plotly.NET serialises a figure slowly (about 150 ms for a 45 KB figure of the track evaluation), and
/// its own chart HTML serialises it again; so the HTML is built here from the one JSON, which the
/// plotly formatter, asked next for the same display, takes instead of serialising a third time.
/// </remarks>
internal static class ChartFormatting
{
    /// <summary>The MIME type of a plotly figure in Jupyter outputs.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    [ThreadStatic] private static (GenericChart Chart, string Json)? _justFormatted;
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
        var json = GenericChart.toJson(chart);
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
        return GenericChart.toJson(chart);
    }
}
