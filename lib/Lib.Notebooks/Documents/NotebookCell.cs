namespace Lib.Notebooks.Documents;

/// <summary>One cell of a notebook as written.</summary>
/// <param name="Kernel">The kernel that runs it (<c>csharp</c>, <c>value</c> ...) or <c>markdown</c>.</param>
/// <param name="Source">Its text, with <c>\n</c> line ends.</param>
/// <param name="StartLine">The file line of its first source line (1-based), or 0 when unknown (an injected cell, an
/// <c>.ipynb</c>).</param>
public sealed record NotebookCell(string Kernel, string Source, int StartLine = 0)
{
    /// <summary>The kernel name of markdown cells.</summary>
    public const string Markdown = "markdown";

    /// <summary>True for markdown (never executed).</summary>
    public bool IsMarkdown => Kernel == Markdown;
}
