using System.Text.RegularExpressions;
using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tests.Charts;

public class ChartHtmlTests
{
    private static GenericChart Marks() =>
        Chart.Line<int, double, string>(new[] { 1, 2, 3 }, new[] { 10.5, 10.3, 10.2 }, Name: "100m")
            .WithTitle("Marks <fast>");

    [Fact]
    public void A_page_carries_the_npm_plotly_bundle_exactly_once_and_no_network_source()
    {
        var html = ChartHtml.Page(Marks());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>Marks &lt;fast&gt;</title>", html);
        var bundleHeader = File.ReadLines(Lib.Platform.NativeTools.Locate(Lib.Platform.NativeTool.PlotlyJs))
            .First(line => line.Contains("plotly.js v", StringComparison.Ordinal)).Trim(' ', '*');
        Assert.Single(Regex.Matches(html, Regex.Escape(bundleHeader)));
        Assert.Single(Regex.Matches(html, @"\* plotly\.js v\d+\.\d+")); // no second copy (Plotly.NET's own, a CDN's)
        Assert.True(html.Length > 1_000_000, "the 4.x bundle is inline, so the page opens offline");
        Assert.Empty(Regex.Matches(html, """<script[^>]*\bsrc\s*=""", RegexOptions.IgnoreCase));
        Assert.Empty(Regex.Matches(html, """<link[^>]*\bhref\s*=\s*["']?https?:""", RegexOptions.IgnoreCase));
        var bundleAt = html.IndexOf(bundleHeader, StringComparison.Ordinal);
        Assert.True(bundleAt < html.IndexOf("Plotly.newPlot(", StringComparison.Ordinal), "the bundle loads before the chart is drawn");
        Assert.Single(Regex.Matches(html, @"Plotly\.newPlot\("));
        Assert.Contains("\"name\":\"100m\"", html);
    }

    [Fact]
    public void The_title_can_be_given_and_defaults_to_chart()
    {
        Assert.Contains("<title>Report</title>", ChartHtml.Page(Marks(), "Report"));
        var untitled = Chart.Point<int, int, string>(new[] { 1 }, new[] { 1 });
        Assert.Contains("<title>Chart</title>", ChartHtml.Page(untitled));
    }

    [Fact]
    public void The_charts_own_description_stays_and_its_cdn_reference_does_not()
    {
        var description = Microsoft.FSharp.Collections.ListModule.OfSeq(
            [Giraffe.ViewEngine.HtmlElements.rawText("<p id=\"about\">100 m finals</p>")]);
        var options = DisplayOptions.init(null, null, null, null, null, description,
            PlotlyJSReference.NewCDN("https://cdn.plot.ly/plotly-2.27.1.min.js"));
        var html = ChartHtml.Page(GenericChart.setDisplayOptions(options, Marks()));
        Assert.Contains("<p id=\"about\">100 m finals</p>", html);
        Assert.DoesNotContain("plotly-2.27.1.min.js", html);
        Assert.DoesNotMatch("""<script[^>]*\bsrc\s*=""", html);
    }

    [Fact]
    public void Save_writes_the_page_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "marks.html");
        ChartHtml.Save(Marks(), path);
        var html = File.ReadAllText(path);
        Assert.Contains("<title>Marks &lt;fast&gt;</title>", html);
        Assert.Single(Regex.Matches(html, @"Plotly\.newPlot\("));
        Assert.Equal(["marks.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
