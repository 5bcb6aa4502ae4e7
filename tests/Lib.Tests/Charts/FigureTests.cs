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

public class FigureTraceTests
{
    [Fact]
    public void Histograms_boxes_heatmaps_and_polar_bars_build_their_traces()
    {
        var f = new Figure("All kinds").Grid(2, 2)
            .Histogram(new[] { 1.0, 2, 2, 3 }, "marks", bins: 3, row: 1, col: 1)
            .Box(new[] { 1, 2, 3, 4 }, "by event", groups: ["a", "a", "b", "b"], row: 1, col: 2)
            .Heatmap(new double[,] { { 1, 2 }, { 3, double.NaN } }, ["x1", "x2"], ["y1", "y2"], row: 2, col: 1)
            .Bar(new[] { "a", "b" }, new[] { 3, 4 }, horizontal: true, hoverText: ["first", "second"], row: 2, col: 2)
            .BarPolar(new[] { 5, 3 }, new[] { "N", "E" }, "wind")
            .Axes("seconds", "count", row: 1, col: 1);
        var json = System.Text.Json.Nodes.JsonNode.Parse(f.ToJson())!;
        var data = json["data"]!.AsArray();
        Assert.Equal(["histogram", "box", "heatmap", "bar", "barpolar"], data.Select(t => (string)t!["type"]!));
        Assert.Equal(3, (int)data[0]!["nbinsx"]!);
        Assert.Null(data[0]!["xaxis"]);
        Assert.Equal("x2", (string)data[1]!["xaxis"]!);
        Assert.Equal("y3", (string)data[2]!["yaxis"]!);
        Assert.Null(data[2]!["z"]![1]![1]);
        Assert.Equal("h", (string)data[3]!["orientation"]!);
        Assert.Equal("a", (string)data[3]!["y"]![0]!);
        Assert.Equal(2, (int)json["layout"]!["grid"]!["rows"]!);
        Assert.Equal("seconds", (string)json["layout"]!["xaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void Mismatched_lengths_and_cells_outside_the_grid_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Figure().Box(new[] { 1, 2 }, groups: ["a"]));
        Assert.Throws<ArgumentException>(() => new Figure().Heatmap(new double[2, 2], x: ["only one"]));
        Assert.Throws<ArgumentException>(() => new Figure().Scatter(new[] { 1 }, new[] { 1 }, hoverText: ["a", "b"]));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Figure().Scatter(new[] { 1 }, new[] { 1 }, row: 2));
        Assert.Contains("outside the 1x1 grid", e.Message);
    }

    [Fact]
    public void SavePng_renders_through_chromium_or_says_how_to_get_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lab-figure-{Guid.NewGuid():N}.png");
        var figure = new Figure("PNG").Bar(new[] { "a", "b" }, new[] { 1, 2 });
        try
        {
            bool haveChromium;
            try { ChromiumRenderer.Locate(); haveChromium = true; }
            catch (Lib.Platform.NativeToolNotFoundException e)
            {
                Assert.Contains("apt-get install chromium", e.Message);
                haveChromium = false;
            }
            if (haveChromium)
            {
                figure.SavePng(path, 400, 300);
                var bytes = File.ReadAllBytes(path);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
                Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            }
            else Assert.Throws<Lib.Platform.NativeToolNotFoundException>(() => figure.SavePng(path));
        }
        finally { File.Delete(path); }
    }
}
