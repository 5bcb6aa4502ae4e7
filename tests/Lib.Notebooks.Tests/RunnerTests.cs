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

    private static string Plain(CellOutput output) => output switch
    {
        DisplayOutput d => d.Data["text/plain"],
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
        Assert.Equal("3", result.Data["text/plain"]);
        Assert.Empty(run.Cells[1].Outputs);
        Assert.Equal("x\n", Plain(Assert.Single(run.Cells[2].Outputs)));
        Assert.Equal("<null>", Plain(Assert.Single(run.Cells[3].Outputs)));
        Assert.Equal("Int32[] (3) [1, 2, 3]", Plain(Assert.Single(run.Cells[4].Outputs)));
    }

    [Fact]
    public async Task Display_shows_values_and_update_replaces_them_even_from_a_later_cell()
    {
        var run = await Run(Notebook(
            "var handle = display(\"starting\");\nhandle.Update(\"halfway\");\ndisplay(HTML(\"<b>bold</b>\"));",
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
    public async Task Display_can_be_limited_to_mime_types()
    {
        var run = await Run(Notebook("display(42, \"text/html\");"));
        var output = Assert.IsType<DisplayOutput>(Assert.Single(run.Cells[0].Outputs));
        Assert.Equal(["text/html"], output.Data.Keys);
        Assert.Equal("<pre>42</pre>", output.Data["text/html"]);
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
            "using System.Globalization;\nint Twice(int v) => 2 * v;",
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
    public async Task Import_runs_the_other_notebooks_cells_in_place_relative_to_each_file()
    {
        _dir.Write("_shared.dib", "#!markdown\n\nShared.\n\n#!csharp\n\nvar shared = 41;\n\n#!csharp\n\n#!import lib/_more.dib\n");
        _dir.Write("lib/_more.dib", "#!csharp\n\nvar more = File.ReadAllText(\"note.txt\");\n");
        _dir.Write("lib/note.txt", "beside the imported notebook: not where data paths are based");
        var run = await Run(Notebook("#!import ../_shared.dib\nshared + 1", "more"), name: "sub/nb.dib");
        Assert.False(run.Succeeded);
        // Relative file paths are based at the running notebook's folder (sub/), as in Polyglot.
        Assert.Contains("note.txt", run.Failure);

        _dir.Write("sub/note.txt", "found");
        run = await Run(Notebook("#!import ../_shared.dib\nshared + 1", "more"), name: "sub/nb.dib");
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("42", Plain(run.Cells[0].Outputs.Single()));
        Assert.Equal("found", Plain(run.Cells[1].Outputs.Single()));
    }

    [Fact]
    public async Task Errors_in_imported_notebooks_name_that_file_and_the_import()
    {
        _dir.Write("_bad.dib", "#!csharp\n\nvar fine = 1;\n\n#!csharp\n\nnope();\n");
        var run = await Run(Notebook("var before = 0;", "#!import _bad.dib"));
        Assert.Contains("_bad.dib: cell 2, line 1", run.Failure);
        Assert.Contains("(imported at nb.dib: cell 2, line 1)", run.Failure);
    }

    [Fact]
    public async Task Import_cycles_and_missing_files_are_errors()
    {
        _dir.Write("_a.dib", "#!csharp\n\n#!import _b.dib\n");
        _dir.Write("_b.dib", "#!csharp\n\n#!import _a.dib\n");
        var cycle = await Run(Notebook("#!import _a.dib"));
        Assert.Contains("import cycle", cycle.Failure);

        var missing = await Run(Notebook("#!import nowhere.dib"));
        Assert.Contains("no such file", missing.Failure);
    }

    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.1\"", "NuGet package")]
    [InlineData("#!set --name x --value 1", "'#!set' is not supported")]
    [InlineData("#!share --from fsharp x", "'#!share' is not supported")]
    [InlineData("#!whos", "'#!whos' is not supported")]
    public async Task What_the_runner_cannot_honour_is_refused_with_the_line(string directive, string expected)
    {
        var run = await Run(Notebook("var a = 1;\n" + directive));
        Assert.False(run.Succeeded);
        Assert.Contains("cell 1, line 2", run.Failure);
        Assert.Contains(expected, run.Failure);
    }

    [Fact]
    public async Task Cells_of_other_kernels_are_refused()
    {
        var run = await Run("#!csharp\n\nvar a = 1;\n\n#!fsharp\n\nlet b = 2\n");
        Assert.Contains("cell 2: #!fsharp cells cannot run here", run.Failure);
    }

    [Fact]
    public async Task A_cell_that_runs_past_the_timeout_fails_and_stops_the_notebook()
    {
        // The limit leaves the first cell's cold compile ample time on a loaded machine; the sleeper is abandoned.
        var run = await Run(Notebook("var a = 1;", "System.Threading.Thread.Sleep(6_000);", "var never = 2;"),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2.5), KeepGoing = true });
        Assert.False(run.Succeeded);
        Assert.Contains("cell 2 (2/3) did not finish within 2.5 s", run.Failure);
        Assert.Equal("TimeoutError", Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[1].Outputs)).Name);
        Assert.Equal(CellStatus.NotRun, run.Cells[2].Status);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time()
    {
        var run = await Run(Notebook("#!time\nvar z = 1;"));
        Assert.StartsWith("Wall time: ", Plain(run.Cells[0].Outputs.Single()));
    }
}
