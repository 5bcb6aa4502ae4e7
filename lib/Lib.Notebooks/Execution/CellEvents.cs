using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Notebooks.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Turns what the kernel publishes while a cell runs into the cell's outputs (displays, updates of
/// earlier displays, return values, standard output and error, failures) and its failure into one
/// line naming the notebook, the cell (and the imported file and cell, for <c>#!import</c>) and the line.
/// </summary>
internal sealed partial class CellEvents : IDisposable
{
    private readonly OutputContext _outputs;
    private readonly NotebookDocument _document;
    private readonly string _displayRoot;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private Failure? _failure;
    private CellRun? _cell;
    private string _where = "";
    private readonly CSharpKernel _csharp;
    private ScriptState? _beforeChild;

    [GeneratedRegex(@"#cell\d+:line (?<line>\d+)")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^#!import\s+(--file\s+)?(?<path>""[^""]+""|\S+)", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"^[^\n]*?\((?<line>\d+),(?<column>\d+)\): error (?<id>\w+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    public CellEvents(CompositeKernel kernel, OutputContext outputs, NotebookDocument document, string displayRoot)
    {
        (_outputs, _document, _displayRoot) = (outputs, document, displayRoot);
        _csharp = NotebookKernel.CSharp(kernel);
        _subscription = kernel.KernelEvents.Subscribe(new Observer(On));
    }

    /// <summary>
    /// The source path a cell is compiled under, so its stack frames read <c>notebook.dib#cellN:line L</c>.
    /// A file name without a folder, so that a relative <c>#r</c> still resolves against the working directory.
    /// </summary>
    public static string SourcePath(string notebook, int cell) => $"{Path.GetFileName(notebook)}#cell{cell}";

    /// <summary>Starts collecting for <paramref name="cell"/>; <paramref name="where"/> names it in messages.</summary>
    public void Begin(CellRun cell, string where)
    {
        lock (_gate) (_cell, _where, _failure) = (cell, where, null);
    }

    /// <summary>The cell's failure as one line (with the stack below it for an exception), or null.</summary>
    public string? End()
    {
        Failure? failed;
        lock (_gate) failed = _failure;
        return failed is null ? null : Describe(failed);
    }

    /// <summary>What failed: the cell's command, or a command it started (a cell of an imported notebook).</summary>
    private sealed record Failure(KernelCommand Command, string Message, Exception? Exception);

    public void Dispose() => _subscription.Dispose();

    private void On(KernelEvent e)
    {
        switch (e)
        {
            case DisplayedValueUpdated updated:
                var data = Data(updated.FormattedValues);
                if (!_outputs.Update(updated.ValueId, data)) _outputs.Add(new DisplayOutput(data, updated.ValueId, isResult: false));
                break;
            case ReturnValueProduced result when result.FormattedValues.Count > 0:
                _outputs.Add(new DisplayOutput(Data(result.FormattedValues), null, isResult: true));
                break;
            case DisplayedValueProduced displayed when displayed.FormattedValues.Count > 0:
                _outputs.Add(new DisplayOutput(Data(displayed.FormattedValues), NullIfEmpty(displayed.ValueId), isResult: false));
                break;
            case StandardOutputValueProduced stdout:
                _outputs.Write("stdout", Text(stdout.FormattedValues));
                break;
            case StandardErrorValueProduced stderr:
                _outputs.Write("stderr", Text(stderr.FormattedValues));
                break;
            case ErrorProduced error:
                // A command the cell started (a cell of an #!import) fails this way, not with CommandFailed.
                if (error.Command is SubmitCode { Parent: not null }) Fail(new Failure(error.Command, error.Message, null));
                else _outputs.Add(new ErrorOutput("Error", error.Message, [error.Message]));
                break;
            case CommandFailed failed:
                Fail(new Failure(failed.Command, failed.Message ?? "", failed.Exception));
                break;
            // The kernel reports nothing when a cell of an #!import throws (1.0.0-beta.26120.1): the
            // exception is only on the script state that submission left, so it is read from there.
            case CodeSubmissionReceived { Command: SubmitCode { Parent: not null } }:
                _beforeChild = _csharp.ScriptState;
                break;
            case DiagnosticsProduced { Command: SubmitCode { Parent: not null } child }
                when _csharp.ScriptState is { Exception: { } thrown } state && !ReferenceEquals(state, _beforeChild):
                Fail(new Failure(child, thrown.Message, thrown));
                break;
        }
    }

    private void Fail(Failure failure)
    {
        lock (_gate)
        {
            if (_failure is not null) return; // the first failure is the cause
            _failure = failure;
        }
        var (name, value, trace) = ErrorOf(failure);
        _outputs.Add(new ErrorOutput(name, value, trace));
    }

    private string Describe(Failure failed)
    {
        string where = _where;
        NotebookCell? cell = _cell?.Cell;
        if (failed.Command is SubmitCode { Parent: not null } child && _cell is not null)
        {
            var (file, index, importedCell) = Locate(_cell.Cell.Source, child.Code, Path.GetDirectoryName(_document.Path)!);
            where = file is null ? $"{_where} (in a command it started)"
                                 : $"{Show(file)}: {(index > 0 ? $"cell {index}" : "a cell")} (imported at {_where})";
            cell = importedCell;
        }

        if (failed.Exception is { } e and not CodeSubmissionCompilationErrorException)
        {
            var frame = FrameLine().Match(e.StackTrace ?? "");
            string at = frame.Success ? $", line {frame.Groups["line"].Value}{FileLine(cell, int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture))}" : "";
            return $"{where}{at}: {e.GetType().FullName}: {e.Message}\n{string.Join('\n', Traceback(e).Skip(1))}";
        }
        var error = ErrorLine().Match(failed.Message ?? "");
        if (!error.Success) return $"{where}: {failed.Message}";
        int line = int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture);
        return $"{where}, line {line}{FileLine(cell, line)}: {error.Groups["id"].Value}: {error.Groups["message"].Value}";
    }

    private static (string Name, string Value, IReadOnlyList<string> Trace) ErrorOf(Failure failed)
    {
        if (failed.Exception is { } e and not CodeSubmissionCompilationErrorException)
            return (e.GetType().FullName ?? e.GetType().Name, e.Message, Traceback(e));
        var lines = (failed.Message ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return (failed.Exception is null ? "Error" : "CompilationError", lines.FirstOrDefault() ?? "", lines);
    }

    /// <summary>The exception's text without the scripting engine's frames below the cell.</summary>
    private static List<string> Traceback(Exception e)
    {
        var lines = e.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int cut = lines.FindIndex(l => l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal));
        if (cut >= 0) lines = lines[..cut];
        while (lines.Count > 1 && lines[^1].TrimStart().StartsWith("--- End of stack trace", StringComparison.Ordinal)) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>
    /// The file a cell's <c>#!import</c> lines name (relative to the notebook's folder, the working
    /// directory the kernel reads them against) that holds <paramref name="code"/>, the 1-based number of that cell (0 if not found) and the cell.
    /// </summary>
    private static (string? File, int Index, NotebookCell? Cell) Locate(string cellSource, string code, string notebookFolder)
    {
        code = code.Replace("\r\n", "\n").Trim();
        string? first = null;
        foreach (Match import in ImportLine().Matches(cellSource))
        {
            var file = Path.GetFullPath(import.Groups["path"].Value.Trim('"'), notebookFolder);
            first ??= file;
            try
            {
                var cells = NotebookDocument.Load(file).Cells;
                for (int i = 0; i < cells.Count; i++)
                    if (cells[i].Source.Trim() == code) return (file, i + 1, cells[i]);
            }
            catch (NotebookFormatException) { }
        }
        return (first, 0, null);
    }

    private static string FileLine(NotebookCell? cell, int lineInCell) =>
        cell is { StartLine: > 0 } ? $" (line {cell.StartLine + lineInCell - 1} of the file)" : "";

    private static Dictionary<string, string> Data(IEnumerable<FormattedValue> values)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in values)
            if (!v.SuppressDisplay) data.TryAdd(v.MimeType, v.Value ?? "");
        return data;
    }

    private static string Text(IEnumerable<FormattedValue> values) => string.Concat(values.Select(v => v.Value));

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;

    private string Show(string file) => DisplayPath.Of(file, _displayRoot);

    private sealed class Observer(Action<KernelEvent> onNext) : IObserver<KernelEvent>
    {
        public void OnNext(KernelEvent value) => onNext(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
