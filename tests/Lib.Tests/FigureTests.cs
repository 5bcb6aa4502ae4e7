using System.Text.Json.Nodes;
using Lib.Charts;

namespace Lib.Tests;

public class FigureTests
{
    [Fact]
    public void Builds_plotly_figure_json()
    {
        var figure = new Figure("Marks").Scatter(new[] { 1, 2 }, new[] { 10.5, 10.3 }, "100m").Bar(new[] { "a" }, new[] { 3 }).Axes("season", "seconds");
        var json = JsonNode.Parse(figure.ToJson())!;
        Assert.Equal("scatter", (string)json["data"]![0]!["type"]!);
        Assert.Equal("100m", (string)json["data"]![0]!["name"]!);
        Assert.Equal(10.3, (double)json["data"]![0]!["y"]![1]!);
        Assert.Equal("bar", (string)json["data"]![1]!["type"]!);
        Assert.Equal("Marks", (string)json["layout"]!["title"]!["text"]!);
        Assert.Equal("seconds", (string)json["layout"]!["yaxis"]!["title"]!["text"]!);
        Assert.Equal(2, figure.TraceCount);
    }

    [Fact]
    public void Traces_with_mismatched_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure().Scatter(new[] { 1, 2, 3 }, new[] { 1 }, "walk"));
        Assert.Contains("'walk': x has 3 values but y has 1", e.Message);
    }

    [Fact]
    public void The_plotly_bundle_is_included_once_per_page()
    {
        lock (PageGate.Lock)
        {
            AppContext.SetData(PlotlyPage.PageKey, Guid.NewGuid().ToString());
            var first = new Figure().Scatter(new[] { 1 }, new[] { 1 }).ToHtml();
            var second = new Figure().Scatter(new[] { 1 }, new[] { 2 }).ToHtml();
            AppContext.SetData(PlotlyPage.PageKey, Guid.NewGuid().ToString());
            var nextPage = new Figure().Scatter(new[] { 1 }, new[] { 3 }).ToHtml();

            Assert.Contains("data-lab-bundle=\"plotly\"", first);
            Assert.Contains("Plotly.newPlot", first);
            Assert.True(first.Length > 1_000_000, "the bundle is embedded, so charts work offline");
            Assert.DoesNotContain("data-lab-bundle", second);
            Assert.Contains("data-lab-bundle", nextPage);
        }
    }

    [Fact]
    public void SaveHtml_writes_a_standalone_page_with_the_bundle_once()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lab-figure-{Guid.NewGuid():N}.html");
        try
        {
            lock (PageGate.Lock) new Figure("Saved").Scatter(new[] { 1 }, new[] { 1 }).SaveHtml(path);
            var html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<title>Saved</title>", html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-lab-bundle"));
        }
        finally { File.Delete(path); }
    }
}

/// <summary>The display page is process-wide state; tests that depend on it take turns.</summary>
internal static class PageGate
{
    public static readonly object Lock = new();
}
