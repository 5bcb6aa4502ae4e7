namespace Lib.Platform;

/// <summary>
/// Finds the lab's native tools at run time: the tool's environment variable when set, else the
/// nearest <c>node_modules/</c> above the application, the library or the working directory
/// (or the folder <c>LAB_NODE_MODULES</c> names), using the npm platform package for this OS.
/// </summary>
public static class NativeTools
{
    private static readonly Dictionary<NativeTool, string> Found = [];

    /// <summary>The full path of <paramref name="tool"/> on this machine.</summary>
    /// <exception cref="NativeToolNotFoundException">The tool is not installed; the message says how to install
    /// it.</exception>
    public static string Locate(NativeTool tool)
    {
        lock (Found)
        {
            if (Found.TryGetValue(tool, out var cached) && File.Exists(cached))
                return cached;
            var path = Locate(tool, PlatformId.Current, DefaultSearchRoots(), Environment.GetEnvironmentVariable);
            Found[tool] = path;
            return path;
        }
    }

    /// <summary>Finds <paramref name="tool"/> for <paramref name="platform"/>, searching upwards from each of
    /// <paramref name="searchRoots"/>.</summary>
    public static string Locate(
        NativeTool tool,
        PlatformId platform,
        IEnumerable<string> searchRoots,
        Func<string, string?> environment
    )
    {
        var overridden = environment(tool.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            if (!File.Exists(overridden))
                throw new NativeToolNotFoundException(
                    tool,
                    $"{tool.Name} not found: {tool.EnvironmentVariable} is set to '{overridden}', which does "
                        + "not exist. "
                        + $"Point it at the {tool.Name} file or unset it to use the copy from npm."
                );
            return EnsureExecutable(tool, Path.GetFullPath(overridden));
        }

        string relative = tool.RelativePath(platform);
        var looked = new List<string>();
        foreach (var nodeModules in CandidateNodeModules(searchRoots, environment))
        {
            var candidate = Path.GetFullPath(Path.Combine(nodeModules, relative));
            looked.Add(candidate);
            if (File.Exists(candidate))
                return EnsureExecutable(tool, candidate);
        }

        string where =
            looked.Count == 0
                ? "no node_modules folder was found above the application or working directory"
                : "looked in " + string.Join(", ", looked.Distinct());
        throw new NativeToolNotFoundException(
            tool,
            $"{tool.Name} for {platform} was not found ({where}). It comes from the npm package '{tool.Package}' "
                + "pinned in the lab's package.json: building the lab ('dotnet build') installs it, or run "
                + "'npm ci' in the "
                + $"repository root. To use another copy, set {tool.EnvironmentVariable} to its full path."
        );
    }

    /// <summary>Whether <paramref name="tool"/> can be found, without throwing.</summary>
    public static bool TryLocate(NativeTool tool, out string path)
    {
        try
        {
            path = Locate(tool);
            return true;
        }
        catch (NativeToolNotFoundException)
        {
            path = "";
            return false;
        }
    }

    private static IEnumerable<string> DefaultSearchRoots() =>
        [
            AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(NativeTools).Assembly.Location) ?? AppContext.BaseDirectory,
            Directory.GetCurrentDirectory(),
        ];

    private static IEnumerable<string> CandidateNodeModules(
        IEnumerable<string> searchRoots,
        Func<string, string?> environment
    )
    {
        var explicitFolder = environment("LAB_NODE_MODULES");
        if (!string.IsNullOrWhiteSpace(explicitFolder))
            yield return explicitFolder;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in searchRoots)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
            {
                var nodeModules = Path.Combine(dir.FullName, "node_modules");
                if (Directory.Exists(nodeModules) && seen.Add(nodeModules))
                    yield return nodeModules;
            }
        }
    }

    private static string EnsureExecutable(NativeTool tool, string path)
    {
        if (!tool.IsExecutable || OperatingSystem.IsWindows())
            return path;
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) != 0)
            return path;
        try
        {
            File.SetUnixFileMode(path, mode | exec);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new NativeToolNotFoundException(
                tool,
                $"{tool.Name} at {path} is not executable and could not be made so ({e.Message}). Run 'chmod +x "
                    + $"{path}'."
            );
        }
        return path;
    }
}
