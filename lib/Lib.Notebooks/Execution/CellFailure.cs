using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Notebooks.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace Lib.Notebooks.Execution;

/// <summary>
/// What failed in a cell: its own command, or a command it started (a cell of an <c>#!import</c>ed
/// notebook), with the kernel's message and exception; described as one line naming the notebook, the
/// cell (and the imported file and cell) and the line within it and within the file.
/// </summary>
internal sealed partial record CellFailure(KernelCommand Command, string Message, Exception? Exception)
{
    [GeneratedRegex(@"#cell\d+:line (?<line>\d+)")]
    private static partial Regex FrameLine();

    [GeneratedRegex(
        @"^[^\n]*?\((?<line>\d+),(?<column>\d+)\): error (?<id>\w+): (?<message>.*)$",
        RegexOptions.Multiline
    )]
    private static partial Regex ErrorLine();

    private bool IsRuntime => Exception is not null and not CodeSubmissionCompilationErrorException;

    /// <summary>The error output the cell shows.</summary>
    public ErrorOutput Output()
    {
        if (IsRuntime)
            return new ErrorOutput(
                Exception!.GetType().FullName ?? Exception.GetType().Name,
                Exception.Message,
                Traceback(Exception)
            );
        var lines = Message.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return new ErrorOutput(Exception is null ? "Error" : "CompilationError", lines.FirstOrDefault() ?? "", lines);
    }

    /// <summary>
    /// One line (and the stack below it for an exception). <paramref name="where"/> names the running
    /// cell (<c>nb.dib: cell 3</c>), <paramref name="cell"/> is that cell, <paramref name="notebookFolder"/>
    /// the folder its <c>#!import</c> paths are read against; paths are shown relative to
    /// <paramref name="displayRoot"/>.
    /// </summary>
    public string Describe(string where, NotebookCell? cell, string notebookFolder, string displayRoot)
    {
        if (Command is SubmitCode { Parent: not null } child && cell is not null)
        {
            var (file, index, importedCell) = Locate(cell.Source, child.Code, notebookFolder);
            where = file is null
                ? $"{where} (in a command it started)"
                : $"{DisplayPath.Of(file, displayRoot)}: {(index > 0 ? $"cell {index}" : "a cell")} (imported "
                    + $"at {where})";
            cell = importedCell;
        }

        if (IsRuntime)
        {
            var frame = FrameLine().Match(Exception!.StackTrace ?? "");
            string at = frame.Success
                ? $", line {frame.Groups["line"].Value}{FileLine(cell, Number(frame.Groups["line"]))}"
                : "";
            return $"{where}{at}: {Exception.GetType().FullName}: "
                + $"{Exception.Message}\n{string.Join('\n', Traceback(Exception).Skip(1))}";
        }
        var error = ErrorLine().Match(Message);
        if (!error.Success)
            return $"{where}: {Message}";
        int line = Number(error.Groups["line"]);
        return $"{where}, line {line}{FileLine(cell, line)}: {error.Groups["id"].Value}: "
            + $"{error.Groups["message"].Value}";
    }

    /// <summary>The exception's text without the scripting engine's frames below the cell.</summary>
    private static List<string> Traceback(Exception e)
    {
        var lines = e.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int cut = lines.FindIndex(l => l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal));
        if (cut >= 0)
            lines = lines[..cut];
        while (lines.Count > 1 && lines[^1].TrimStart().StartsWith("--- End of stack trace", StringComparison.Ordinal))
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>
    /// The file a cell's <c>#!import</c> lines name (read against the notebook's folder, as the kernel
    /// does) that holds <paramref name="code"/>, the 1-based number of that cell (0 if not found) and the cell.
    /// </summary>
    private static (string? File, int Index, NotebookCell? Cell) Locate(
        string cellSource,
        string code,
        string notebookFolder
    )
    {
        code = code.Replace("\r\n", "\n").Trim();
        string? first = null;
        foreach (var file in Imports.Of(cellSource, notebookFolder))
        {
            first ??= file;
            try
            {
                var cells = NotebookDocument.Load(file).Cells;
                for (int i = 0; i < cells.Count; i++)
                    if (cells[i].Source.Trim() == code)
                        return (file, i + 1, cells[i]);
            }
            catch (NotebookFormatException) { }
        }
        return (first, 0, null);
    }

    private static string FileLine(NotebookCell? cell, int lineInCell) =>
        cell is { StartLine: > 0 } ? $" (line {cell.StartLine + lineInCell - 1} of the file)" : "";

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}
