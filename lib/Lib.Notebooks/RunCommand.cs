using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lib.Notebooks.Documents;
using Lib.Notebooks.Execution;
using Lib.Notebooks.Reports;

namespace Lib.Notebooks;

/// <summary>What <c>run</c> was asked to do.</summary>
public sealed record RunRequest(
    IReadOnlyList<string> Paths,
    bool Smoke,
    IReadOnlyList<string> Parameters,
    string? OutputDirectory,
    bool KeepGoing,
    double? CellTimeoutSeconds = null
);

/// <summary>The <c>run</c> verb: executes notebooks and writes <c>.ipynb</c> and <c>.html</c> for each.</summary>
public static class RunCommand
{
    /// <summary>Runs the request, printing progress to <paramref name="log"/>; returns the process exit code.</summary>
    public static async Task<int> ExecuteAsync(RunRequest request, TextWriter log)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in request.Parameters)
        {
            int eq = p.IndexOf('=');
            if (eq <= 0)
            {
                log.WriteLine($"error: --param '{p}' must look like name=value.");
                return 2;
            }
            parameters[p[..eq].Trim()] = p[(eq + 1)..];
        }

        var cwd = Directory.GetCurrentDirectory();
        var repoRoot = FindRepoRoot(cwd);
        var outDir = Path.GetFullPath(
            request.OutputDirectory ?? Path.Combine(repoRoot ?? cwd, "artifacts", "notebooks")
        );
        IReadOnlyList<NotebookEntry> notebooks;
        try
        {
            notebooks = NotebookSet.Expand(
                request.Paths,
                repoRoot is null ? null : Path.Combine(repoRoot, "notebooks"),
                outDir
            );
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            log.WriteLine("error: " + e.Message);
            return 2;
        }
        if (notebooks.Count == 0)
        {
            log.WriteLine($"error: no notebooks (.dib, .ipynb) found in {string.Join(", ", request.Paths)}.");
            return 2;
        }

        var options = new NotebookRunOptions
        {
            Smoke = request.Smoke,
            Parameters = parameters,
            KeepGoing = request.KeepGoing,
            Log = log,
            DisplayRoot = cwd,
            CellTimeout = request.CellTimeoutSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : null,
        };
        int passed = 0,
            failed = 0;
        var total = Stopwatch.StartNew();
        log.WriteLine(
            $"Running {notebooks.Count} notebook(s){(request.Smoke ? " in smoke mode" : "")}; outputs in "
                + $"{DisplayPath.Of(outDir, cwd)}"
        );
        for (int i = 0; i < notebooks.Count; i++)
        {
            var entry = notebooks[i];
            var shown = DisplayPath.Of(entry.Path, cwd);
            log.WriteLine($"[{i + 1}/{notebooks.Count}] {shown}");
            try
            {
                var run = await NotebookRunner.RunAsync(entry.Path, options);
                var (ipynb, html) = Write(run, outDir, entry.OutputName);
                if (run.Succeeded)
                {
                    passed++;
                    log.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"  passed in {run.Duration.TotalSeconds:0.0} s -> {DisplayPath.Of(ipynb, cwd)}, "
                                + $"{DisplayPath.Of(html, cwd)}"
                        )
                    );
                }
                else
                {
                    failed++;
                    foreach (var failure in run.Failures)
                        log.WriteLine("  error: " + failure.Replace("\n", "\n    "));
                    log.WriteLine($"  FAILED -> {DisplayPath.Of(html, cwd)}");
                }
            }
            catch (Exception e) when (e is NotebookFormatException or ParameterException or InvalidDataException)
            {
                failed++;
                log.WriteLine("  error: " + e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed++; // a report that cannot be written fails its notebook, not the whole run
                log.WriteLine($"  error: {shown}: the reports could not be written: {e.Message}");
            }
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Finished in {total.Elapsed.TotalSeconds:0.0} s."));
        log.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Writes the <c>.ipynb</c> and <c>.html</c> of a run, each atomically. A report with charts loads
    /// plotly.js from <c>plotly.min.js</c> at the top of <paramref name="outDir"/>, copied there once
    /// from the npm bundle (<see cref="PlotlyBundle"/>), so reports stay small and open offline.
    /// </summary>
    public static (string Ipynb, string Html) Write(NotebookRun run, string outDir, string outputName)
    {
        var ipynb = Path.Combine(outDir, outputName + ".ipynb");
        var html = Path.Combine(outDir, outputName + ".html");
        string? plotly = null;
        if (HtmlReportWriter.HasCharts(run))
        {
            var bundle = PlotlyBundle.CopyTo(outDir)
                ?? throw new IOException(
                    "plotly.js-dist-min is not installed, so the charts of the .html report could not draw: run "
                        + "npm ci in "
                        + "the repository (the build does it) or set LAB_PLOTLY_JS to plotly.min.js."
                );
            plotly = Path.GetRelativePath(Path.GetDirectoryName(html)!, bundle).Replace('\\', '/');
        }
        WriteAtomically(ipynb, IpynbWriter.ToJson(run));
        WriteAtomically(html, HtmlReportWriter.ToHtml(run, outputName, plotly));
        return (ipynb, html);
    }

    /// <summary>The nearest folder above <paramref name="start"/> holding <c>Lib.sln</c>, or null.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        return null;
    }

    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
