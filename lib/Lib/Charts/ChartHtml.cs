using Giraffe.ViewEngine;
using Lib.Platform;
using Lib.Tensors.IO;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace Lib.Charts;

/// <summary>
/// A chart as a standalone HTML page that opens offline. Plotly.NET writes the page
/// (<see cref="GenericChart.toEmbeddedHTML"/>) with <see cref="PlotlyJSReference.NoReference"/>, and the
/// page's head carries the plotly.js bundle that npm installed (<see cref="NativeTool.PlotlyJs"/>,
/// <c>node_modules/plotly.js-dist-min</c>) once, inline, so the file makes no network request.
/// </summary>
public static class ChartHtml
{
    private static readonly Lock Gate = new();
    private static string? _bundle;

    /// <summary>The standalone page; <paramref name="title"/> defaults to the chart's title.</summary>
    /// <exception cref="NativeToolNotFoundException">The plotly.js bundle is not installed (run the build).</exception>
    public static string Page(GenericChart chart, string? title = null) => Page(chart, title, headStyle: null);

    /// <summary>Writes the standalone page to <paramref name="path"/> (atomically: temporary file, renamed).</summary>
    /// <exception cref="NativeToolNotFoundException">The plotly.js bundle is not installed (run the build).</exception>
    public static void Save(GenericChart chart, string path, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, Page(chart, title));
    }

    /// <summary>The page, with <paramref name="headStyle"/> (CSS) added to its head when given.</summary>
    internal static string Page(GenericChart chart, string? title, string? headStyle)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // The chart's own head tags (MathJax …) and description stay; its plotly.js reference is replaced.
        var own = GenericChart.getDisplayOptions(chart);
        var head = new List<HtmlElements.XmlNode> { HtmlElements.rawText(BundleScript()) };
        if (headStyle is not null)
            head.Add(HtmlElements.rawText("<style>" + headStyle + "</style>"));
        head.AddRange(DisplayOptions.tryGetAdditionalHeadTags(own)?.Value ?? []);
        var options = DisplayOptions.init(
            DocumentTitle: title ?? TitleOf(chart) ?? "Chart",
            DocumentCharset: "utf-8",
            DocumentDescription: null,
            DocumentFavicon: null,
            AdditionalHeadTags: ListModule.OfSeq(head),
            ChartDescription: DisplayOptions.tryGetChartDescription(own),
            PlotlyJSReference: PlotlyJSReference.NoReference
        );
        return GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart));
    }

    private static string BundleScript()
    {
        string bundle;
        lock (Gate)
            bundle = _bundle ??= File.ReadAllText(NativeTools.Locate(NativeTool.PlotlyJs));
        // A literal "</script" inside the bundle would end the element early.
        return "<script type=\"text/javascript\" charset=\"utf-8\">"
            + bundle.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
            + "\n</script>";
    }

    private static string? TitleOf(GenericChart chart) =>
        GenericChart.getLayout(chart).TryGetPropertyValue("title")?.Value is DynamicObj.DynamicObj title
        && title.TryGetPropertyValue("text")?.Value is string text
            ? text
            : null;
}
