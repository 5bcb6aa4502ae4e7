using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Lib.Notebooks.Tests;

/// <summary>
/// A Plotly.NET chart in an executed notebook: the <c>.ipynb</c> holds the standard plotly figure
/// (a JSON object, no report-only HTML), the <c>.html</c> loads plotly.js once from beside the
/// reports, and headless Chromium, offline, draws the chart from it.
/// </summary>
public class ChartReportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string ChartNotebook = """
        #!csharp

        #r "nuget: Plotly.NET.CSharp, 0.14.0"

        #!csharp

        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 4, 1, 5 }, Name: "walk");
        chart

        #!csharp

        display(chart);
        """;

    [Fact]
    public async Task Charts_are_plotly_json_in_the_ipynb_and_drawn_offline_from_the_html_report()
    {
        var outDir = Path.Combine(_dir.Path, "out");
        var log = new StringWriter();
        int exit = await RunCommand.ExecuteAsync(
            new RunRequest([_dir.Write("nbs/sub/charts.dib", ChartNotebook)], false, [], outDir, false), log);
        Assert.True(exit == 0, log.ToString());

        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "charts.ipynb")))!;
        var data = nb["cells"]![1]!["outputs"]![0]!["data"]!.AsObject();
        var figure = Assert.IsType<JsonObject>(data["application/vnd.plotly.v1+json"], exactMatch: false);
        Assert.Equal("walk", (string)figure["data"]![0]!["name"]!);
        Assert.Equal([4, 1, 5], figure["data"]![0]!["y"]!.AsArray().Select(v => (int)v!));
        Assert.False(data.ContainsKey("text/html"));

        var html = File.ReadAllText(Path.Combine(outDir, "charts.html"));
        Assert.Equal(1, CountOf(html, "<script src=\"plotly.min.js\""));
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.True(new FileInfo(Path.Combine(outDir, "plotly.min.js")).Length > 1_000_000);
        Assert.True(new FileInfo(Path.Combine(outDir, "charts.html")).Length < 100_000);

        if (Chromium() is not { } chromium) return; // the rest needs Debian's chromium (apt-get install chromium)
        var dom = DumpDom(chromium, Path.Combine(outDir, "charts.html"));
        Assert.Equal(2, CountOf(dom, "class=\"plot-container plotly\"")); // both charts drawn by plotly.js
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string? Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>The page's DOM after its scripts ran, with every host but the file system unreachable.</summary>
    private static string DumpDom(string chromium, string page)
    {
        var profile = Directory.CreateTempSubdirectory("lab-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}",
                "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
            }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "chromium did not finish within 60 s");
            _ = stderr.Result;
            return dom;
        }
        finally { Directory.Delete(profile, recursive: true); }
    }
}
