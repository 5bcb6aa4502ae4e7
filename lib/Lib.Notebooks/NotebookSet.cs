namespace Lib.Notebooks;

/// <summary>A notebook to run and where its outputs go, relative to the output folder.</summary>
/// <param name="Path">The notebook's full path.</param>
/// <param name="OutputName">Its path relative to the output folder, without extension (<c>track/01-scrape</c>).</param>
public sealed record NotebookEntry(string Path, string OutputName);

/// <summary>Expands the runner's arguments (files and folders) into notebooks in a stable order.</summary>
public static class NotebookSet
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin",
        "obj",
        "node_modules",
        "artifacts",
        ".git",
        ".ipynb_checkpoints",
    };

    /// <summary>
    /// Files are taken as given; folders are searched recursively for <c>.dib</c> and <c>.ipynb</c> files, skipping
    /// those whose name starts with <c>_</c> (shared notebooks such as <c>_setup.dib</c>, run through
    /// <c>#!import</c>). Output names are relative to <paramref name="notebooksRoot"/> when the
    /// notebook is inside it, else to the folder argument, else the file name.
    /// </summary>
    /// <exception cref="FileNotFoundException">An argument names nothing.</exception>
    /// <exception cref="InvalidDataException">Two notebooks would write the same reports (<c>a.dib</c> and
    /// <c>a.ipynb</c>).</exception>
    public static IReadOnlyList<NotebookEntry> Expand(
        IEnumerable<string> arguments,
        string? notebooksRoot,
        string? outputFolder = null
    )
    {
        var result = new List<NotebookEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument);
            IEnumerable<(string File, string Base)> found;
            if (File.Exists(full))
                found = [(full, Path.GetDirectoryName(full)!)];
            else if (Directory.Exists(full))
                found = Walk(full, outputFolder is null ? null : Path.GetFullPath(outputFolder))
                    .Select(f => (f, full))
                    .OrderBy(p => Path.GetRelativePath(full, p.f).Replace('\\', '/'), StringComparer.Ordinal);
            else
                throw new FileNotFoundException($"No notebook or folder at '{argument}'.", argument);

            foreach (var (file, baseDir) in found)
                if (seen.Add(file))
                    result.Add(new NotebookEntry(file, OutputName(file, baseDir, notebooksRoot)));
        }
        foreach (
            var clash in result.GroupBy(e => e.OutputName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
        )
            throw new InvalidDataException(
                $"{string.Join(" and ", clash.Select(e => e.Path))} would both write the reports "
                    + $"{clash.Key}.ipynb and {clash.Key}.html; run them separately with --out."
            );
        return result;
    }

    private static IEnumerable<string> Walk(string dir, string? outputFolder)
    {
        if (outputFolder is not null && Path.GetFullPath(dir) == outputFolder)
            yield break; // executed notebooks are not inputs
        foreach (var file in Directory.EnumerateFiles(dir).Where(IsNotebook).Order(StringComparer.Ordinal))
            if (!Path.GetFileName(file).StartsWith('_'))
                yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                foreach (var file in Walk(sub, outputFolder))
                    yield return file;
    }

    private static bool IsNotebook(string file) =>
        file.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);

    private static string OutputName(string file, string baseDir, string? notebooksRoot)
    {
        string root = notebooksRoot is not null && IsInside(file, notebooksRoot) ? notebooksRoot : baseDir;
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative[..^Path.GetExtension(relative).Length];
    }

    private static bool IsInside(string file, string dir) =>
        !Path.GetRelativePath(Path.GetFullPath(dir), file).StartsWith("..", StringComparison.Ordinal);
}
