using System.Diagnostics;
using System.Globalization;
using Lib.Notebooks.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Runs a <c>.dib</c> or <c>.ipynb</c> notebook headless on the Polyglot kernel (<see cref="NotebookKernel"/>):
/// each cell is one <see cref="SubmitCode"/> to a fresh kernel, with the working directory at the
/// notebook's folder (as in VS Code), parameters injected after the <c>// parameters</c> cell, and
/// every output the kernel publishes captured (<see cref="CellEvents"/>).
/// </summary>
public static class NotebookRunner
{
    /// <summary>The working directory and the formatters are process-wide: one notebook runs at a time.</summary>
    private static readonly SemaphoreSlim ProcessWide = new(1, 1);

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable notebook.</exception>
    /// <exception cref="ParameterException">A <c>--param</c> cannot be applied.</exception>
    public static async Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        var document = NotebookDocument.Load(path);

        await ProcessWide.WaitAsync();
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(document.Path)!);
            using var kernel = await NotebookKernel.CreateAsync(
                NuGetSources.FindConfig(Path.GetDirectoryName(document.Path)!)
            );
            return await new Execution(document, options, kernel).RunAsync();
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
            ProcessWide.Release();
        }
    }

    private sealed class Execution(NotebookDocument document, NotebookRunOptions options, CompositeKernel kernel)
    {
        private readonly OutputContext _outputs = new();
        private int _executionCount;
        private bool _timedOut;

        public async Task<NotebookRun> RunAsync()
        {
            var clock = Stopwatch.StartNew();
            var cells = new List<CellRun>();
            var failures = new List<string>();
            bool stopped = false,
                sawParameters = false;
            int codeCells = document.Cells.Count(c => !c.IsMarkdown);
            int codeIndex = 0;
            using var events = new CellEvents(kernel, _outputs, document, options.DisplayRoot);

            for (int i = 0; i < document.Cells.Count; i++)
            {
                var cell = document.Cells[i];
                bool isParameters = !sawParameters && !cell.IsMarkdown && Parameters.IsParametersCell(cell.Source);
                sawParameters |= isParameters;
                var run = new CellRun(cell, i + 1) { IsParameters = isParameters };
                cells.Add(run);
                if (cell.IsMarkdown || stopped)
                    continue;

                codeIndex++;
                var failure = await RunCellAsync(
                    run,
                    events,
                    $"cell {i + 1}",
                    $"cell {i + 1} ({codeIndex}/{codeCells})"
                );
                if (failure is null && isParameters && Inject(cell) is { } injected)
                {
                    cells.Add(injected);
                    failure = await RunCellAsync(injected, events, "injected parameters", "injected parameters");
                }
                if (failure is not null)
                {
                    failures.Add(failure);
                    // a timed-out cell may still be running: nothing after it is trustworthy
                    stopped = !options.KeepGoing || _timedOut;
                }
            }

            if (!sawParameters && options.Parameters.Count > 0)
                options.Log?.WriteLine($"  note: {Show(document.Path)} has no '// parameters' cell; --param ignored.");
            return new NotebookRun(document, cells, failures.FirstOrDefault(), clock.Elapsed) { Failures = failures };
        }

        /// <summary>Runs one cell; returns a one-line failure naming notebook, cell and line, or null.</summary>
        private async Task<string?> RunCellAsync(CellRun run, CellEvents events, string where, string label)
        {
            _outputs.SetCurrent(run.Outputs);
            run.ExecutionCount = ++_executionCount;
            NotebookKernel.SetSourcePath(
                NotebookKernel.CSharp(kernel),
                CellEvents.SourcePath(document.Path, run.Number)
            );
            events.Begin(run, $"{Show(document.Path)}: {where}");
            var clock = Stopwatch.StartNew();
            if (Imports.Cycle(run.Cell.Source, document.Path) is { } cycle)
            {
                var refused =
                    $"{Show(document.Path)}: {where}: #!import cycle "
                    + $"({string.Join(" -> ", cycle.Select(Show))}); the kernel would import forever.";
                _outputs.Add(new ErrorOutput("ImportCycle", refused, [refused]));
                return Finish(run, clock, label, refused);
            }
            using var cancel = new CancellationTokenSource();
            var work = Task.Run(() => kernel.SendAsync(new SubmitCode(run.Cell.Source, run.Cell.Kernel), cancel.Token));
            string? failure;
            if (options.CellTimeout is { } limit && await Task.WhenAny(work, Task.Delay(limit)) != work)
            {
                cancel.Cancel();
                failure = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Show(document.Path)}: {label} did not finish within {limit.TotalSeconds:0.#} s; the "
                        + $"notebook was stopped there."
                );
                _outputs.Add(new ErrorOutput("TimeoutError", failure, [failure]));
                _timedOut = true;
            }
            else
            {
                await work;
                failure = events.End();
            }
            return Finish(run, clock, label, failure);
        }

        private string? Finish(CellRun run, Stopwatch clock, string label, string? failure)
        {
            run.Duration = clock.Elapsed;
            run.Status = failure is null ? CellStatus.Succeeded : CellStatus.Failed;
            options.Log?.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {(failure is null ? "ok  " : "FAIL")} {label, -24} {run.Duration.TotalSeconds, 7:0.00} s"
                )
            );
            return failure;
        }

        private CellRun? Inject(NotebookCell parametersCell)
        {
            var warnings = new List<string>();
            var csharp = NotebookKernel.CSharp(kernel);
            var code = Parameters.InjectedCode(
                Parameters.Declarations(parametersCell.Source),
                options.Parameters,
                options.Smoke,
                name => NotebookKernel.VariableType(csharp, name),
                warnings
            );
            foreach (var w in warnings)
                options.Log?.WriteLine("  warning: " + w);
            if (code is null)
                return null;
            return new CellRun(new NotebookCell(parametersCell.Kernel, code), 0) { IsInjectedParameters = true };
        }

        private string Show(string file) => DisplayPath.Of(file, options.DisplayRoot);
    }
}
