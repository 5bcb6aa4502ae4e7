namespace Lib.Notebooks.Dib;

/// <summary>A <c>.dib</c> file that cannot be read; the message names the file and line.</summary>
public sealed class DibFormatException(string path, int line, string reason)
    : Exception($"{path}:{line}: {reason}")
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>The 1-based line.</summary>
    public int Line { get; } = line;
}
