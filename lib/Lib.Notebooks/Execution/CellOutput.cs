using System.Text;

namespace Lib.Notebooks.Execution;

/// <summary>Something a cell produced, in the shapes Jupyter's nbformat knows.</summary>
public abstract class CellOutput;

/// <summary>Text a cell wrote to standard output or standard error.</summary>
public sealed class StreamOutput(string name) : CellOutput
{
    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The text written so far.</summary>
    public StringBuilder Text { get; } = new();
}

/// <summary>A displayed value: a MIME bundle (<c>text/plain</c>, <c>text/html</c> ...).</summary>
public sealed class DisplayOutput(IReadOnlyDictionary<string, string> data, string? displayId, bool isResult)
    : CellOutput
{
    /// <summary>MIME type to content; replaced when the display is updated.</summary>
    public IReadOnlyDictionary<string, string> Data { get; set; } = data;

    /// <summary>The id an update refers to, or null for a trailing expression's value.</summary>
    public string? DisplayId { get; } = displayId;

    /// <summary>True for a trailing expression's value (<c>execute_result</c>), false for
    /// <c>display(...)</c>.</summary>
    public bool IsResult { get; } = isResult;
}

/// <summary>A compile or runtime error.</summary>
public sealed class ErrorOutput(string name, string value, IReadOnlyList<string> traceback) : CellOutput
{
    /// <summary>The error's kind, such as <c>CompilationError</c> or an exception type.</summary>
    public string Name { get; } = name;

    /// <summary>The error's message.</summary>
    public string Value { get; } = value;

    /// <summary>Details: diagnostics or stack frames, one per entry.</summary>
    public IReadOnlyList<string> Traceback { get; } = traceback;
}
