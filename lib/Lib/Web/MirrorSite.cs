namespace Lib.Web;

/// <summary>
/// Saved pages that a <see cref="LoopbackMirror"/> serves: every file under <see cref="Root"/> by its
/// relative path (<c>/athlete_pages/x.html</c>), plus <see cref="Routes"/> that answer a site's real
/// addresses (path and query, such as <c>/teams/tf/PA_college_m_Moravian.html?config_hnd=255</c>) with a file.
/// Routes come from a tab-separated file: <c>address&lt;TAB&gt;file</c> per line, <c>#</c> starting a comment.
/// </summary>
public sealed class MirrorSite
{
    private readonly Dictionary<string, string> _routes;

    private MirrorSite(string root, Dictionary<string, string> routes)
    {
        Root = root;
        _routes = routes;
    }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    /// <summary>Address (path and query) → file relative to <see cref="Root"/>.</summary>
    public IReadOnlyDictionary<string, string> Routes => _routes;

    /// <summary>
    /// The site in <paramref name="root"/>, with the routes of <paramref name="routesFile"/> (default:
    /// <c>routes.tsv</c>
    /// in the folder, when present). Throws naming the file and line when a route is malformed or names a missing file.
    /// </summary>
    public static MirrorSite FromFolder(string root, string? routesFile = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"The mirror folder '{full}' does not exist.");
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = routesFile ?? Path.Combine(full, "routes.tsv");
        if (routesFile is not null && !File.Exists(file))
            throw new FileNotFoundException($"The mirror's routes file '{file}' does not exist.", file);
        if (File.Exists(file))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                var parts = line.Split('\t');
                if (parts.Length != 2 || !parts[0].StartsWith('/'))
                    throw new FormatException(
                        $"{file}, line {lineNumber}: expected '/address<TAB>file', got '{line}'."
                    );
                var target = Path.GetFullPath(Path.Combine(full, parts[1]));
                if (!IsInside(full, target) || !File.Exists(target))
                    throw new FormatException($"{file}, line {lineNumber}: '{parts[1]}' is not a file inside {full}.");
                if (!routes.TryAdd(parts[0], parts[1]))
                    throw new FormatException($"{file}, line {lineNumber}: the address '{parts[0]}' is routed twice.");
            }
        }
        return new MirrorSite(full, routes);
    }

    /// <summary>
    /// The file that answers <paramref name="pathAndQuery"/> (as sent, percent-encoded): a route, else a file
    /// under <see cref="Root"/> by its decoded path; null when none does. Never a file outside the folder.
    /// </summary>
    public string? FileFor(string pathAndQuery)
    {
        if (_routes.TryGetValue(pathAndQuery, out var routed))
            return Path.Combine(Root, routed);
        var decoded = Uri.UnescapeDataString(pathAndQuery);
        if (_routes.TryGetValue(decoded, out routed))
            return Path.Combine(Root, routed);
        var path = decoded.Split('?', 2)[0].TrimStart('/');
        if (path.Length == 0)
            return null;
        var candidate = Path.GetFullPath(Path.Combine(Root, path));
        return IsInside(Root, candidate) && File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The Content-Type for a served file, by extension.</summary>
    public static string ContentTypeOf(string file) =>
        Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".html" or ".htm" => "text/html; charset=utf-8",
            ".csv" => "text/csv; charset=utf-8",
            ".txt" or ".tsv" => "text/plain; charset=utf-8",
            ".json" => "application/json",
            _ => "application/octet-stream",
        };

    private static bool IsInside(string root, string path) =>
        path.StartsWith(
            root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar,
            StringComparison.Ordinal
        );
}
