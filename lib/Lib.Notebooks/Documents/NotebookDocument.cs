using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lib.Notebooks.Documents;

/// <summary>
/// A <c>.dib</c> or <c>.ipynb</c> notebook read with the Polyglot Notebooks document parsers
/// (Microsoft.DotNet.Interactive.Documents), plus each <c>.dib</c> cell's line in the file so errors can name it.
/// </summary>
/// <param name="Path">The notebook's full path.</param>
/// <param name="Document">The parsed document (kernel info and elements).</param>
/// <param name="Cells">Its cells in order.</param>
public sealed record NotebookDocument(string Path, InteractiveDocument Document, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>The kernels the runner knows, so cells naming them (or their aliases) resolve.</summary>
    public static KernelInfoCollection KernelInfos() =>
        [
            new("csharp", "C#", ["cs", "C#", "c#"]),
            new("value", "Value", []),
            new(NotebookCell.Markdown, "Markdown", ["md"]),
        ];

    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is missing or not a readable notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new NotebookFormatException($"{path}: cannot read the notebook: {e.Message}", e);
        }

        InteractiveDocument document;
        bool ipynb = path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        try
        {
            document = ipynb ? Notebook.Parse(text, KernelInfos()) : CodeSubmission.Parse(text, KernelInfos());
        }
        catch (Exception e)
            when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new NotebookFormatException(
                $"{path}: not a readable "
                    + $"{(ipynb ? "Jupyter notebook (.ipynb, nbformat 4 JSON)" : ".dib notebook")}: {e.Message}",
                e
            );
        }

        var starts = ipynb ? [] : DibCellStarts(text);
        var cells = document
            .Elements.Select(
                (e, i) =>
                    new NotebookCell(
                        e.KernelName ?? "csharp",
                        e.Contents.Replace("\r\n", "\n"),
                        starts.Count == document.Elements.Count ? starts[i] : 0
                    )
            )
            .ToList();
        return new NotebookDocument(path, document, cells);
    }

    /// <summary>
    /// The file line on which each cell's source starts: the line after a <c>#!kernel</c> separator
    /// and the blank line the format puts there. Only used when it finds exactly the parser's cells.
    /// </summary>
    private static List<int> DibCellStarts(string text)
    {
        var names = KernelInfos().SelectMany(k => k.Aliases.Prepend(k.Name)).ToHashSet(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var starts = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (!line.StartsWith("#!", StringComparison.Ordinal) || !names.Contains(line[2..]))
                continue;
            int first = i + 1;
            while (first < lines.Length && lines[first].Trim().Length == 0)
                first++;
            starts.Add(first + 1);
        }
        return starts;
    }
}
