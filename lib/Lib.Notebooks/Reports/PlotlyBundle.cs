namespace Lib.Notebooks.Reports;

/// <summary>
/// The plotly.js bundle that HTML reports load: <c>LAB_PLOTLY_JS</c> when set, else
/// <c>plotly.js-dist-min/plotly.min.js</c> under <c>LAB_NODE_MODULES</c>, else under <c>node_modules</c> in the
/// nearest folder above the working directory or the runner (the build installs it from npm), as the library's
/// <c>NativeTools</c> looks (the runner does not load the library).
/// </summary>
public static class PlotlyBundle
{
    private const string FileName = "plotly.min.js";

    /// <summary>The bundle's path, or null when it is not installed.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("LAB_PLOTLY_JS") is { Length: > 0 } set)
            return File.Exists(set) ? set : null;
        if (Environment.GetEnvironmentVariable("LAB_NODE_MODULES") is { Length: > 0 } modules)
            return File.Exists(Path.Combine(modules, "plotly.js-dist-min", FileName))
                ? Path.Combine(modules, "plotly.js-dist-min", FileName)
                : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", "plotly.js-dist-min", FileName);
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }

    /// <summary>Copies the bundle to <paramref name="folder"/> unless an identical copy is there; its path there, or
    /// null when not installed.</summary>
    public static string? CopyTo(string folder)
    {
        if (Locate() is not { } source)
            return null;
        var target = Path.Combine(folder, FileName);
        if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(source).Length)
            return target;
        Directory.CreateDirectory(folder);
        var temp = target + $".{Environment.ProcessId}.tmp";
        File.Copy(source, temp, overwrite: true);
        File.Move(temp, target, overwrite: true);
        return target;
    }
}
