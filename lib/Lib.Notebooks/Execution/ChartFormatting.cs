using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Lib.Notebooks.Execution;

/// <summary>
/// How Plotly.NET charts (<see cref="GenericChart"/>) show in executed notebooks, offline:
/// <c>application/vnd.plotly.v1+json</c> (the figure, which Jupyter and VS Code draw natively from the
/// <c>.ipynb</c>) and <c>text/html</c> from Plotly.NET's own chart HTML with no plotly.js reference: the
/// HTML report loads the npm bundle once per page. Plotly.NET.Interactive's formatter (loaded by
/// <c>#r "nuget: Plotly.NET.Interactive"</c>) points at a CDN, so this is applied after it.
/// </summary>
internal static class ChartFormatting
{
    /// <summary>The MIME type of a plotly figure in Jupyter outputs.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static readonly DisplayOptions NoReference =
        DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference));

    /// <summary>Registers the formatters (process-wide, as every Polyglot formatter is).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toJson(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>(
            (chart, writer) => writer.Write(GenericChart.toChartHTML(GenericChart.setDisplayOptions(NoReference, chart))),
            HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType, PlotlyMimeType);
    }
}
