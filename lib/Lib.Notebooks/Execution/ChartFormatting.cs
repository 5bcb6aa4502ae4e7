using System.Globalization;
using Lib.Charts;
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
/// Both come from <see cref="ChartJson"/>: Plotly.NET's own figure, written in a few milliseconds instead of
/// the 100–700 ms of <c>GenericChart.toJson</c>.
/// </remarks>
internal static class ChartFormatting
{
    /// <summary>The MIME type of a plotly figure in Jupyter outputs.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static int _next;

    /// <summary>Registers the formatters (process-wide, as every Polyglot formatter is).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartJson.Of(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Html(chart)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType, PlotlyMimeType);
    }

    /// <summary>A div and a script drawing the chart with the page's <c>Plotly</c>.</summary>
    private static string Html(GenericChart chart)
    {
        var json = ChartJson.Of(chart);
        var id = string.Create(CultureInfo.InvariantCulture, $"lab-chart-{Interlocked.Increment(ref _next)}");
        return $"<div id=\"{id}\"></div><script type=\"text/javascript\">(function(){{var "
            + $"f={json.Replace("</", "<\\/")};"
            + $"Plotly.newPlot('{id}',f.data,f.layout,f.config);}})();</script>";
    }
}
