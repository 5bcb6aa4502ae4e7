using Lib.Notebooks.Documents;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
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
internal sealed class CellEvents : IDisposable
{
    private readonly OutputContext _outputs;
    private readonly NotebookDocument _document;
    private readonly string _displayRoot;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private CellFailure? _failure;
    private CellRun? _cell;
    private string _where = "";
    private readonly CSharpKernel _csharp;
    private ScriptState? _beforeChild;

    /// <summary>Listens to <paramref name="kernel"/> until disposed.</summary>
    public CellEvents(CompositeKernel kernel, OutputContext outputs, NotebookDocument document, string displayRoot)
    {
        (_outputs, _document, _displayRoot) = (outputs, document, displayRoot);
        _csharp = NotebookKernel.CSharp(kernel);
        _subscription = kernel.KernelEvents.Subscribe(On);
    }

    /// <summary>
    /// The source path a cell is compiled under, so its stack frames read <c>notebook.dib#cellN:line L</c>.
    /// A file name without a folder, so that a relative <c>#r</c> still resolves against the working directory.
    /// </summary>
    public static string SourcePath(string notebook, int cell) => $"{Path.GetFileName(notebook)}#cell{cell}";

    /// <summary>Starts collecting for <paramref name="cell"/>; <paramref name="where"/> names it in messages.</summary>
    public void Begin(CellRun cell, string where)
    {
        lock (_gate)
            (_cell, _where, _failure) = (cell, where, null);
    }

    /// <summary>The cell's failure as one line (with the stack below it for an exception), or null.</summary>
    public string? End()
    {
        CellFailure? failed;
        lock (_gate)
            failed = _failure;
        return failed?.Describe(_where, _cell?.Cell, Path.GetDirectoryName(_document.Path)!, _displayRoot);
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _subscription.Dispose();

    private void On(KernelEvent e)
    {
        switch (e)
        {
            case DisplayedValueUpdated updated:
                var data = Data(updated.FormattedValues);
                if (!_outputs.Update(updated.ValueId, data))
                    _outputs.Add(new DisplayOutput(data, updated.ValueId, isResult: false));
                break;
            case ReturnValueProduced result when result.FormattedValues.Count > 0:
                _outputs.Add(new DisplayOutput(Data(result.FormattedValues), null, isResult: true));
                break;
            case DisplayedValueProduced displayed when displayed.FormattedValues.Count > 0:
                var shown = Data(displayed.FormattedValues);
                _outputs.Add(new DisplayOutput(shown, NullIfEmpty(displayed.ValueId), isResult: false));
                break;
            case StandardOutputValueProduced stdout:
                _outputs.Write("stdout", Text(stdout.FormattedValues));
                break;
            case StandardErrorValueProduced stderr:
                _outputs.Write("stderr", Text(stderr.FormattedValues));
                break;
            case ErrorProduced error:
                // A command the cell started (a cell of an #!import) fails this way, not with CommandFailed.
                if (error.Command is SubmitCode { Parent: not null })
                    Fail(new CellFailure(error.Command, error.Message, null));
                else
                    _outputs.Add(new ErrorOutput("Error", error.Message, [error.Message]));
                break;
            case CommandFailed failed:
                Fail(new CellFailure(failed.Command, failed.Message ?? "", failed.Exception));
                break;
            // The kernel reports nothing when a cell of an #!import throws (1.0.0-beta.26120.1): the
            // exception is only on the script state that submission left, so it is read from there.
            case CodeSubmissionReceived { Command: SubmitCode { Parent: not null } }:
                _beforeChild = _csharp.ScriptState;
                break;
            case DiagnosticsProduced { Command: SubmitCode { Parent: not null } child }
                when _csharp.ScriptState is { Exception: { } thrown } state && !ReferenceEquals(state, _beforeChild):
                Fail(new CellFailure(child, thrown.Message, thrown));
                break;
        }
    }

    private void Fail(CellFailure failure)
    {
        lock (_gate)
        {
            if (_failure is not null)
                return; // the first failure is the cause
            _failure = failure;
        }
        _outputs.Add(failure.Output());
    }

    private static Dictionary<string, string> Data(IEnumerable<FormattedValue> values)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in values)
            if (!v.SuppressDisplay)
                data.TryAdd(v.MimeType, v.Value ?? "");
        return data;
    }

    private static string Text(IEnumerable<FormattedValue> values) => string.Concat(values.Select(v => v.Value));

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
