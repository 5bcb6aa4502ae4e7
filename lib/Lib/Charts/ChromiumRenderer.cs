using System.Diagnostics;
using Lib.Platform;
using Lib.Tensors.IO;

namespace Lib.Charts;

/// <summary>
/// Renders HTML to PNG with a headless Chromium installed on the machine (Debian: <c>apt-get install
/// chromium</c>; or set <c>LAB_CHROMIUM</c> to the browser's path). Network access is switched off.
/// </summary>
public static class ChromiumRenderer
{
    /// <summary>The browser, as a tool the lab looks for.</summary>
    public static NativeTool Tool { get; } =
        new("chromium", "LAB_CHROMIUM", "chromium (a system package, not from npm)", _ => "");

    private static readonly string[] Candidates =
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    ];

    /// <summary>The browser's path.</summary>
    /// <exception cref="NativeToolNotFoundException">No Chromium-family browser was found.</exception>
    public static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(Tool.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
            return File.Exists(overridden)
                ? overridden
                : throw new NativeToolNotFoundException(
                    Tool,
                    $"chromium not found: LAB_CHROMIUM is set to '{overridden}', which does not exist."
                );
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(
            Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries
        );
        foreach (var candidate in Candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                    return candidate;
                continue;
            }
            foreach (var dir in path)
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                    return full;
            }
        }
        throw new NativeToolNotFoundException(
            Tool,
            "PNG export needs a headless Chromium, and none was found (looked for chromium, chromium-browser, "
                + "google-chrome on PATH). "
                + "Install it (Debian/Ubuntu: 'apt-get install chromium') or set LAB_CHROMIUM to the browser's "
                + "path; HTML export works without it."
        );
    }

    /// <summary>Renders <paramref name="html"/> at the given size and writes a PNG to <paramref name="pngPath"/>
    /// (atomically).</summary>
    public static void Screenshot(string html, string pngPath, int width, int height, TimeSpan? timeout = null)
    {
        var browser = Locate();
        var work = Directory.CreateTempSubdirectory("lab-chromium-");
        try
        {
            var page = Path.Combine(work.FullName, "page.html");
            var shot = Path.Combine(work.FullName, "shot.png");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (
                var arg in new[]
                {
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                    $"--window-size={width},{height}",
                    "--virtual-time-budget=5000",
                    $"--screenshot={shot}",
                    new Uri(page).AbsoluteUri,
                }
            )
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start {browser}.");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(
                    $"{browser} did not finish the screenshot within "
                        + $"{(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s."
                );
            }
            if (!File.Exists(shot))
                throw new InvalidOperationException(
                    $"{browser} exited with code {process.ExitCode} without writing a screenshot: "
                        + $"{stderr.Result.Trim()}"
                );
            AtomicFile.WriteAllBytes(pngPath, File.ReadAllBytes(shot));
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException) { }
        }
    }
}
