using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Notebooks.Dib;
using Microsoft.CodeAnalysis;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Runs a <c>.dib</c> notebook headless: its C# cells in one script state, with the working
/// directory and relative paths based at the notebook's folder, <c>#!import</c> in place,
/// parameters injected after the <c>// parameters</c> cell, and every output captured.
/// </summary>
public static partial class NotebookRunner
{
    /// <summary>The working directory, console and display page are process-wide: one notebook runs at a time.</summary>
    private static readonly SemaphoreSlim ProcessWide = new(1, 1);

    /// <summary>The AppContext key that tells library formatters a new page (notebook) started.</summary>
    public const string PageKey = "lab.display.page";

    [GeneratedRegex(@"#cell(?<cell>\d+):line (?<line>\d+)")]
    private static partial Regex FrameLocation();

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="DibFormatException">The file is not a readable notebook.</exception>
    /// <exception cref="ParameterException">A <c>--param</c> cannot be applied.</exception>
    public static async Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        path = Path.GetFullPath(path);
        var document = DibDocument.Load(path);

        await ProcessWide.WaitAsync();
        var (cwd, stdout, stderr) = (Directory.GetCurrentDirectory(), Console.Out, Console.Error);
        try
        {
            var outputs = new OutputContext();
            Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
            AppContext.SetData(PageKey, Guid.NewGuid().ToString("N"));
            Console.SetOut(outputs.Writer("stdout"));
            Console.SetError(outputs.Writer("stderr"));
            return await new Execution(document, options, outputs).RunAsync();
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Directory.SetCurrentDirectory(cwd);
            ProcessWide.Release();
        }
    }

    private sealed class Execution(DibDocument document, NotebookRunOptions options, OutputContext outputs)
    {
        private readonly CSharpSession _session = new(new NotebookGlobals(outputs));
        private int _executionCount;
        private bool _timedOut;

        public async Task<NotebookRun> RunAsync()
        {
            var clock = Stopwatch.StartNew();
            var cells = new List<CellRun>();
            var failures = new List<string>();
            bool stopped = false, sawParameters = false;
            int codeCells = document.Cells.Count(c => !c.IsMarkdown);
            int codeIndex = 0;

            for (int i = 0; i < document.Cells.Count; i++)
            {
                var cell = document.Cells[i];
                bool isParameters = cell.IsCSharp && !sawParameters && Parameters.IsParametersCell(cell.Source);
                sawParameters |= isParameters;
                var run = new CellRun(cell, i + 1) { IsParameters = isParameters };
                cells.Add(run);
                if (cell.IsMarkdown || stopped) continue;

                codeIndex++;
                var failure = await RunCellAsync(run, () => cell.IsCSharp
                    ? ExecuteAsync(cell, document.Path, i + 1, [document.Path])
                    : Task.FromResult<string?>(Refuse(run, $"{Show(document.Path)}: cell {i + 1}: #!{cell.Kernel} cells cannot run here; " +
                                                            "the headless runner executes C# and markdown cells only.")),
                    $"cell {i + 1} ({codeIndex}/{codeCells})");

                if (failure is null && isParameters)
                {
                    var injected = Inject(cell);
                    if (injected is not null)
                    {
                        cells.Add(injected);
                        failure = await RunCellAsync(injected,
                            () => ExecuteAsync(injected.Cell, document.Path, i + 1, [document.Path], "injected parameters"),
                            "injected parameters");
                    }
                }
                if (failure is not null)
                {
                    failures.Add(failure);
                    stopped = !options.KeepGoing || _timedOut; // a timed-out cell may still be running: nothing after it is trustworthy
                }
            }

            if (!sawParameters && options.Parameters.Count > 0)
                options.Log?.WriteLine($"  note: {Show(document.Path)} has no '// parameters' cell; --param ignored.");
            return new NotebookRun(document, cells, failures.FirstOrDefault(), clock.Elapsed) { Failures = failures };
        }

        private async Task<string?> RunCellAsync(CellRun run, Func<Task<string?>> execute, string label)
        {
            outputs.SetCurrent(run.Outputs);
            run.ExecutionCount = ++_executionCount;
            var clock = Stopwatch.StartNew();
            var work = Task.Run(execute); // off the caller's thread, so a cell that never yields can still time out
            string? failure;
            if (options.CellTimeout is { } limit && await Task.WhenAny(work, Task.Delay(limit)) != work)
            {
                failure = string.Create(CultureInfo.InvariantCulture,
                    $"{Show(document.Path)}: {label} did not finish within {limit.TotalSeconds:0.#} s; the notebook was stopped there.");
                outputs.Add(new ErrorOutput("TimeoutError", failure, [failure]));
                _timedOut = true;
            }
            else failure = await work;
            run.Duration = clock.Elapsed;
            run.Status = failure is null ? CellStatus.Succeeded : CellStatus.Failed;
            options.Log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(failure is null ? "ok  " : "FAIL")} {label,-24} {run.Duration.TotalSeconds,7:0.00} s"));
            return failure;
        }

        private CellRun? Inject(DibCell parametersCell)
        {
            var warnings = new List<string>();
            var code = Parameters.InjectedCode(Parameters.Declarations(parametersCell.Source), options.Parameters,
                                               options.Smoke, _session.VariableType, warnings);
            foreach (var w in warnings) options.Log?.WriteLine("  warning: " + w);
            if (code is null) return null;
            return new CellRun(new DibCell(KernelNames.CSharp, code, 0), 0) { IsInjectedParameters = true };
        }

        /// <summary>Runs a C# cell's steps; returns a one-line failure or null.</summary>
        private async Task<string?> ExecuteAsync(DibCell cell, string file, int number, IReadOnlyList<string> importChain, string? label = null)
        {
            string where = $"{Show(file)}: {label ?? $"cell {number}"}";
            var steps = CellDirectives.Split(cell.Source, out var refusal);
            if (refusal is { } r)
                return Refuse(null, $"{where}, line {r.Line}{FileLine(cell, r.Line)}: {r.Message}");

            var clock = Stopwatch.StartNew();
            foreach (var step in steps)
            {
                if (step.Magic == "import")
                {
                    var failure = await ImportAsync(step, file, importChain);
                    if (failure is not null) return $"{failure} (imported at {where}, line {step.Line})";
                    continue;
                }
                if (step.Code is null) continue;

                var result = await _session.SubmitAsync(step.Code, Path.GetDirectoryName(file)!, $"{file}#cell{number}");
                if (result.Errors.Length > 0)
                {
                    var lines = result.Errors.Select(d => Describe(d, cell)).ToList();
                    int line = result.Errors[0].Location.GetLineSpan().StartLinePosition.Line + 1;
                    outputs.Add(new ErrorOutput("CompilationError", lines[0], lines));
                    return $"{where}, line {line}{FileLine(cell, line)}: {result.Errors[0].Id}: {result.Errors[0].GetMessage(CultureInfo.InvariantCulture)}";
                }
                if (result.Exception is { } e)
                {
                    var trace = Traceback(e);
                    outputs.Add(new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, trace));
                    var frame = FrameLocation().Match(e.StackTrace ?? "");
                    string at = frame.Success && frame.Groups["cell"].Value == number.ToString(CultureInfo.InvariantCulture)
                        ? $", line {frame.Groups["line"].Value}{FileLine(cell, int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture))}"
                        : "";
                    return $"{where}{at}: {e.GetType().FullName}: {e.Message}\n{string.Join('\n', trace.Skip(1))}";
                }
                if (result.HasValue) outputs.Add(new DisplayOutput(ValueFormatter.Format(result.Value), null, isResult: true));
            }
            if (steps.Any(s => s.Magic == "time"))
                outputs.Write("stdout", string.Create(CultureInfo.InvariantCulture, $"Wall time: {clock.Elapsed.TotalMilliseconds:0.#} ms\n"));
            return null;
        }

        private async Task<string?> ImportAsync(CellStep step, string file, IReadOnlyList<string> importChain)
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, step.Argument!));
            if (!File.Exists(target))
                return Refuse(null, $"{Show(file)}: #!import {step.Argument}: no such file ({target}).");
            if (importChain.Contains(target, StringComparer.Ordinal))
                return Refuse(null, $"{Show(file)}: #!import {step.Argument}: import cycle ({string.Join(" -> ", importChain.Append(target).Select(Show))}).");
            DibDocument imported;
            try { imported = DibDocument.Load(target); }
            catch (DibFormatException e) { return Refuse(null, e.Message); }
            for (int i = 0; i < imported.Cells.Count; i++)
            {
                var cell = imported.Cells[i];
                if (cell.IsMarkdown) continue;
                if (!cell.IsCSharp)
                    return Refuse(null, $"{Show(target)}: cell {i + 1}: #!{cell.Kernel} cells cannot run here; the headless runner executes C# and markdown cells only.");
                var failure = await ExecuteAsync(cell, target, i + 1, [.. importChain, target]);
                if (failure is not null) return failure;
            }
            return null;
        }

        private string Refuse(CellRun? run, string message)
        {
            if (run is not null) outputs.SetCurrent(run.Outputs);
            outputs.Add(new ErrorOutput("NotSupported", message, [message]));
            return message;
        }

        private static string FileLine(DibCell cell, int lineInCell) =>
            cell.StartLine > 0 ? $" (line {cell.StartLine + lineInCell - 1} of the file)" : "";

        private static string Describe(Diagnostic d, DibCell cell)
        {
            var pos = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture,
                $"line {pos.Line + 1}{FileLine(cell, pos.Line + 1)}, column {pos.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }

        private static List<string> Traceback(Exception e)
        {
            var lines = e.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            int cut = lines.FindIndex(l => l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal));
            if (cut >= 0) lines = lines[..cut];
            while (lines.Count > 1 && lines[^1].TrimStart().StartsWith("--- End of stack trace", StringComparison.Ordinal)) lines.RemoveAt(lines.Count - 1);
            return lines;
        }

        private string Show(string file) => DisplayPath.Of(file, options.DisplayRoot);
    }
}
