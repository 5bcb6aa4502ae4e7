namespace Lib.Notebooks.Dib;

/// <summary>One cell of a <c>.dib</c> notebook.</summary>
/// <param name="Kernel">The canonical kernel name (<c>csharp</c>, <c>markdown</c>, ...).</param>
/// <param name="Source">The cell's text with leading and trailing blank lines removed, lines joined by <c>\n</c>.</param>
/// <param name="StartLine">The 1-based line in the file where <paramref name="Source"/> begins.</param>
public sealed record DibCell(string Kernel, string Source, int StartLine = 1)
{
    /// <summary>The source split into lines.</summary>
    public string[] Lines => Source.Split('\n');

    /// <summary>True for C# cells.</summary>
    public bool IsCSharp => Kernel == KernelNames.CSharp;

    /// <summary>True for markdown cells.</summary>
    public bool IsMarkdown => Kernel == KernelNames.Markdown;
}
