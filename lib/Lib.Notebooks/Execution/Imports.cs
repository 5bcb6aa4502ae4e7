using System.Text.RegularExpressions;
using Lib.Notebooks.Documents;

namespace Lib.Notebooks.Execution;

/// <summary>
/// The <c>#!import</c> lines of a cell, read as the kernel reads them: every path, in imported files too,
/// against the running notebook's folder (the working directory).
/// </summary>
internal static partial class Imports
{
    [GeneratedRegex(@"^#!import\s+(--file\s+)?(?<path>""[^""]+""|\S+)", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    /// <summary>The full paths <paramref name="source"/> imports, in order.</summary>
    public static IEnumerable<string> Of(string source, string notebookFolder) =>
        ImportLine().Matches(source).Select(m => Path.GetFullPath(m.Groups["path"].Value.Trim('"'), notebookFolder));

    /// <summary>
    /// The chain of files that leads back to one already being imported (the kernel would import it
    /// forever), starting at <paramref name="notebook"/>; null when there is none. Unreadable files are
    /// left for the kernel to report.
    /// </summary>
    public static IReadOnlyList<string>? Cycle(string source, string notebook)
    {
        var folder = Path.GetDirectoryName(notebook)!;
        List<string>? Visit(string text, List<string> chain)
        {
            foreach (var file in Of(text, folder))
            {
                if (chain.Contains(file, StringComparer.Ordinal))
                    return [.. chain, file];
                if (!File.Exists(file))
                    continue;
                NotebookDocument imported;
                try
                {
                    imported = NotebookDocument.Load(file);
                }
                catch (NotebookFormatException)
                {
                    continue;
                }
                var found = Visit(string.Join('\n', imported.Cells.Select(c => c.Source)), [.. chain, file]);
                if (found is not null)
                    return found;
            }
            return null;
        }
        return Visit(source, [notebook]);
    }
}
