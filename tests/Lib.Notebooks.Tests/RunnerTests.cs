using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Tests;

public class RunnerTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Notebook(params string[] csharpCells) =>
        string.Concat(csharpCells.Select(c => "#!csharp\n\n" + c + "\n\n"));

    private async Task<NotebookRun> Run(string text, NotebookRunOptions? options = null, string name = "nb.dib") =>
        await NotebookRunner.RunAsync(_dir.Write(name, text), (options ?? new NotebookRunOptions()) with { DisplayRoot = _dir.Path });

    /// <summary>An output's text: plain text, or the kernel's <c>dni-plaintext</c> HTML with its markup removed.</summary>
    private static string Plain(CellOutput output) => output switch
    {
        DisplayOutput d when d.Data.TryGetValue("text/plain", out var text) => text,
        DisplayOutput d => System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(d.Data["text/html"], "<pre>(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value),
        StreamOutput s => s.Text.ToString(),
        ErrorOutput e => e.Value,
        _ => "",
    };

    [Fact]
    public async Task Trailing_expressions_are_shown_and_statements_are_not()
    {
        var run = await Run(Notebook("1 + 2", "var a = 1;", "Console.WriteLine(\"x\")", "string? s = null;\ns", "new[] { 1, 2, 3 }"));
        Assert.True(run.Succeeded, run.Failure);
        var result = Assert.IsType<DisplayOutput>(Assert.Single(run.Cells[0].Outputs));
        Assert.True(result.IsResult);
        Assert.Equal("3", Plain(result));
        Assert.Empty(run.Cells[1].Outputs);
        Assert.Equal("x\n", Plain(Assert.Single(run.Cells[2].Outputs)));
        Assert.Equal("<null>", Plain(Assert.Single(run.Cells[3].Outputs)));
        Assert.Equal("[ 1, 2, 3 ]", Plain(Assert.Single(run.Cells[4].Outputs)));
    }

    [Fact]
    public async Task Updates_replace_a_display_where_it_was_shown_even_from_a_later_cell()
    {
        // KernelInvocationContext.Display keeps one DisplayedValue, so its updates carry the display's id.
        var run = await Run(Notebook(
            "using Microsoft.DotNet.Interactive;\nvar handle = KernelInvocationContext.Current.Display(\"starting\", \"text/plain\");\n" +
            "handle.Update(\"halfway\");\ndisplay(HTML(\"<b>bold</b>\"));",
            "handle.Update(42);"));
        Assert.True(run.Succeeded, run.Failure);
        var outputs = run.Cells[0].Outputs.Cast<DisplayOutput>().ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, o => Assert.False(o.IsResult));
        Assert.Equal("42", outputs[0].Data["text/plain"]);
        Assert.Equal("<b>bold</b>", outputs[1].Data["text/html"]);
        Assert.Empty(run.Cells[1].Outputs);
    }

    [Fact]
    public async Task Display_update_shows_what_the_kernel_publishes()
    {
        // Kernel 1.0.0-beta.26120.1: display() returns a DisplayedValue other than the one it published,
        // so Update() arrives with an id no display has; it is shown as a new output, not dropped.
        var run = await Run(Notebook("display(\"x\", \"text/plain\").Update(\"y\");"));
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal(["x", "y"], run.Cells[0].Outputs.Select(Plain));
    }

    [Fact]
    public async Task Display_can_be_limited_to_mime_types()
    {
        var run = await Run(Notebook("display(42, \"text/plain\");"));
        var output = Assert.IsType<DisplayOutput>(Assert.Single(run.Cells[0].Outputs));
        Assert.Equal(["text/plain"], output.Data.Keys);
        Assert.Equal("42", output.Data["text/plain"]);
    }

    [Fact]
    public async Task Console_output_and_errors_are_captured_in_order()
    {
        var run = await Run(Notebook("Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"warn\");\ndisplay(1);\nConsole.WriteLine(\"c\");"));
        var outputs = run.Cells[0].Outputs;
        Assert.Equal(["stdout", "stderr", "display", "stdout"],
            outputs.Select(o => o is StreamOutput s ? s.Name : "display"));
        Assert.Equal("ab\n", Plain(outputs[0]));
        Assert.Equal("warn\n", Plain(outputs[1]));
    }

    [Fact]
    public async Task Cells_share_one_script_state_and_the_working_directory_is_the_notebook_folder()
    {
        _dir.Write("data/values.txt", "7");
        var run = await Run(Notebook(
            "using System.Globalization;\nusing System.IO;\nint Twice(int v) => 2 * v;",
            "var n = int.Parse(File.ReadAllText(\"data/values.txt\"), CultureInfo.InvariantCulture);",
            "Twice(n)"));
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("14", Plain(run.Cells[2].Outputs.Single()));
    }

    [Fact]
    public async Task Compile_errors_name_the_cell_and_the_line_within_it()
    {
        var run = await Run("#!markdown\n\n# Title\n\n" + Notebook("var ok = 1;", "var a = 1;\nvar b = undefinedThing + a;", "var never = 3;"));
        Assert.False(run.Succeeded);
        Assert.Contains("nb.dib: cell 3, line 2 (line 12 of the file): CS0103", run.Failure);
        Assert.Contains("undefinedThing", run.Failure);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[2].Outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.Equal(CellStatus.Failed, run.Cells[2].Status);
        Assert.Equal(CellStatus.NotRun, run.Cells[3].Status);
        Assert.Null(run.Cells[3].ExecutionCount);
    }

    [Fact]
    public async Task Runtime_errors_name_the_cell_line_and_stack()
    {
        var run = await Run(Notebook("var x = 1;", "var y = 2;\nthrow new InvalidOperationException(\"boom\");"));
        Assert.False(run.Succeeded);
        Assert.Contains("cell 2, line 2", run.Failure);
        Assert.Contains("System.InvalidOperationException: boom", run.Failure);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[1].Outputs));
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("boom", error.Value);
        Assert.Contains(error.Traceback, l => l.Contains("#cell2:line 2"));
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis"));
    }

    [Fact]
    public async Task Faults_raised_by_the_runtime_also_carry_their_line()
    {
        var run = await Run(Notebook("var xs = new int[2];\nConsole.WriteLine(\"before\");\nxs[5] = 1;"));
        Assert.Contains("cell 1, line 3 (line 5 of the file): System.IndexOutOfRangeException", run.Failure);
        Assert.Equal("before\n", Plain(run.Cells[0].Outputs[0]));
    }

    [Fact]
    public async Task Keep_going_runs_the_cells_after_a_failure()
    {
        var text = Notebook("throw new Exception(\"first\");", "1 + 1", "throw new Exception(\"second\");");
        var stopped = await Run(text);
        Assert.Equal(CellStatus.NotRun, stopped.Cells[1].Status);

        var continued = await Run(text, new NotebookRunOptions { KeepGoing = true });
        Assert.Equal([CellStatus.Failed, CellStatus.Succeeded, CellStatus.Failed], continued.Cells.Select(c => c.Status));
        Assert.Equal(2, continued.Failures.Count);
        Assert.Equal("2", Plain(continued.Cells[1].Outputs.Single()));
    }

    private const string ParametersCell = "// parameters\nint epochs = 10;   // smoke: 1\nstring name = \"full\";\ndouble lr = 0.1;\nstring[] events = [\"100\"];";
    private const string Report = "Console.WriteLine($\"{epochs} {name} {lr.ToString(System.Globalization.CultureInfo.InvariantCulture)} {string.Join('|', events)}\");";

    [Fact]
    public async Task Parameters_keep_their_defaults_without_overrides()
    {
        var run = await Run(Notebook(ParametersCell, Report));
        Assert.True(run.Succeeded, run.Failure);
        Assert.True(run.Cells[0].IsParameters);
        Assert.DoesNotContain(run.Cells, c => c.IsInjectedParameters);
        Assert.Equal("10 full 0.1 100\n", Plain(run.Cells[1].Outputs.Single()));
    }

    [Fact]
    public async Task Smoke_applies_smoke_values_in_a_cell_injected_after_the_parameters()
    {
        var run = await Run(Notebook(ParametersCell, Report), new NotebookRunOptions { Smoke = true });
        Assert.True(run.Succeeded, run.Failure);
        Assert.True(run.Cells[1].IsInjectedParameters);
        Assert.Contains("epochs = 1;", run.Cells[1].Cell.Source);
        Assert.Equal("1 full 0.1 100\n", Plain(run.Cells[2].Outputs.Single()));
    }

    [Fact]
    public async Task Params_are_typed_by_their_defaults_and_win_over_smoke()
    {
        var run = await Run(Notebook(ParametersCell, Report), new NotebookRunOptions
        {
            Smoke = true,
            Parameters = new Dictionary<string, string> { ["epochs"] = "5", ["name"] = "say \"hi\"", ["lr"] = "2.5e-3", ["events"] = "100, 200" },
        });
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("5 say \"hi\" 0.0025 100|200\n", Plain(run.Cells[2].Outputs.Single()));
    }

    [Fact]
    public async Task A_param_that_does_not_fit_its_type_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<ParameterException>(() => Run(Notebook(ParametersCell, Report),
            new NotebookRunOptions { Parameters = new Dictionary<string, string> { ["epochs"] = "many" } }));
        Assert.Contains("--param epochs=many", e.Message);
        Assert.Contains("Int32", e.Message);
    }

    [Fact]
    public async Task Unknown_params_are_warned_about_and_ignored()
    {
        var log = new StringWriter();
        var run = await Run(Notebook(ParametersCell, Report),
            new NotebookRunOptions { Parameters = new Dictionary<string, string> { ["batch"] = "3" }, Log = log });
        Assert.True(run.Succeeded, run.Failure);
        Assert.Contains("declares no 'batch'", log.ToString());
    }

    [Fact]
    public async Task Import_runs_the_other_notebooks_cells_in_place_with_paths_based_at_the_running_notebook()
    {
        _dir.Write("_shared.dib", "#!markdown\n\nShared.\n\n#!csharp\n\nvar shared = 41;\n\n#!csharp\n\nvar more = System.IO.File.ReadAllText(\"note.txt\");\n");
        _dir.Write("note.txt", "beside the imported notebook: not where paths are based");
        var run = await Run(Notebook("#!import ../_shared.dib\nshared + 1"), name: "sub/nb.dib");
        Assert.False(run.Succeeded, run.Failure);
        // Relative paths are based at the running notebook's folder (sub/), as in Polyglot.
        Assert.Contains("sub/note.txt", run.Failure);
        Assert.Contains("_shared.dib: cell 3 (imported at sub/nb.dib: cell 1)", run.Failure);

        _dir.Write("sub/note.txt", "found");
        run = await Run(Notebook("#!import ../_shared.dib\nshared + 1", "more"), name: "sub/nb.dib");
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("Shared.", run.Cells[0].Outputs.OfType<DisplayOutput>().First().Data["text/markdown"].Trim());
        Assert.Equal("42", Plain(run.Cells[0].Outputs.Last()));
        Assert.Equal("found", Plain(run.Cells[1].Outputs.Single()));
    }

    [Fact]
    public async Task Errors_in_imported_notebooks_name_that_file_its_cell_and_line_and_the_import()
    {
        _dir.Write("_bad.dib", "#!csharp\n\nvar fine = 1;\n\n#!csharp\n\nvar x = 1;\nnope();\n");
        var run = await Run(Notebook("var before = 0;", "#!import _bad.dib"));
        Assert.False(run.Succeeded);
        Assert.Contains("_bad.dib: cell 2 (imported at nb.dib: cell 2), line 2 (line 8 of the file): CS0103", run.Failure);
    }

    [Fact]
    public async Task Import_cycles_and_missing_files_are_errors()
    {
        _dir.Write("_a.dib", "#!csharp\n\n#!import _b.dib\n");
        _dir.Write("_b.dib", "#!csharp\n\n#!import _a.dib\n");
        var cycle = await Run(Notebook("#!import _a.dib"), new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(60) });
        Assert.False(cycle.Succeeded);
        Assert.Contains("nb.dib: cell 1: #!import cycle (nb.dib -> _a.dib -> _b.dib -> _a.dib)", cycle.Failure);

        var missing = await Run(Notebook("#!import nowhere.dib"));
        Assert.False(missing.Succeeded);
        Assert.Contains("nowhere.dib", missing.Failure);
    }

    [Fact]
    public async Task Cells_of_kernels_the_runner_lacks_fail_naming_the_line()
    {
        var run = await Run("#!csharp\n\nvar a = 1;\n\n#!fsharp\n\nlet b = 2\n");
        Assert.False(run.Succeeded);
        Assert.Contains("line 5 of the file", run.Failure);
        Assert.Contains("'#!fsharp'", run.Failure);
    }

    [Fact]
    public async Task Unknown_magic_commands_fail_with_the_line()
    {
        var run = await Run(Notebook("var a = 1;\n#!nosuchmagic"));
        Assert.False(run.Succeeded);
        Assert.Contains("cell 1, line 2 (line 4 of the file): DNI101: Unknown magic command '#!nosuchmagic'", run.Failure);
    }

    [Fact]
    public async Task Values_move_between_the_value_kernel_and_csharp_with_set_and_share()
    {
        var run = await Run("#!value\n\n#!value --name greeting\nhello\n\n#!csharp\n\n#!set --name g --value @value:greeting\ng.ToUpper()\n\n" +
                            "#!csharp\n\n#!share --from value greeting\ngreeting.Length\n\n#!csharp\n\n#!who\n");
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("HELLO", Plain(run.Cells[1].Outputs.Single()));
        Assert.Equal("5", Plain(run.Cells[2].Outputs.Single()));
        Assert.Contains("greeting", Assert.IsType<DisplayOutput>(run.Cells[3].Outputs.Single()).Data["text/html"]);
    }

    [Fact]
    public async Task A_cell_that_runs_past_the_timeout_fails_and_stops_the_notebook()
    {
        // The limit leaves the first cell's cold compile ample time on a loaded machine (2.5 s was not enough with
        // several builds beside it); the sleeper is abandoned.
        var run = await Run(Notebook("var a = 1;", "System.Threading.Thread.Sleep(30_000);", "var never = 2;"),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(8), KeepGoing = true });
        Assert.False(run.Succeeded, run.Failure);
        Assert.Contains("cell 2 (2/3) did not finish within 8 s", run.Failure);
        Assert.Equal("TimeoutError", Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[1].Outputs)).Name);
        Assert.Equal(CellStatus.NotRun, run.Cells[2].Status);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time()
    {
        var run = await Run(Notebook("#!time\nvar z = 1;"));
        Assert.True(run.Succeeded, run.Failure);
        Assert.Matches(@"^Wall time: \d+(\.\d)? ms$", Plain(run.Cells[0].Outputs.Single()));
    }

    [Fact]
    public async Task Library_types_render_through_their_convention_formatter_source()
    {
        var tensors = Path.Combine(RepoPaths.Root, "lib", "Lib", "bin", "Debug", "net10.0", "Lib.Tensors.dll");
        var run = await Run(Notebook($"#r \"{tensors}\"", "Lib.Tensors.Tensor.Zeros(2, 3)"));
        Assert.True(run.Succeeded, run.Failure);
        var shown = Assert.IsType<DisplayOutput>(run.Cells[1].Outputs.Single());
        Assert.Contains("<div class=\"lab-tensor\"><b>Tensor</b> shape [2, 3]", shown.Data["text/html"]);
    }
}
