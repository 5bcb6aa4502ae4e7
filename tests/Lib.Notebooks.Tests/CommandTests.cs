using System.Text.Json.Nodes;

namespace Lib.Notebooks.Tests;

public class CommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_writes_valid_ipynb_and_html_and_counts_notebooks()
    {
        _dir.Write("nbs/b/second.dib", "#!markdown\n\n# Second\n\n#!csharp\n\n// parameters\nint n = 3; // smoke: 1\n\n#!csharp\n\nConsole.WriteLine(n);\nn * 2");
        _dir.Write("nbs/a-first.dib", "#!csharp\n\ndisplay(HTML(\"<b>hi</b>\"));");
        _dir.Write("nbs/_shared.dib", "#!csharp\n\nthrow new Exception(\"shared notebooks are not run on their own\");");
        var log = new StringWriter();
        var outDir = Path.Combine(_dir.Path, "out");

        int exit = await RunCommand.ExecuteAsync(new RunRequest([Path.Combine(_dir.Path, "nbs")], true, [], outDir, false), log);

        Assert.True(exit == 0, log.ToString());
        Assert.EndsWith("2 passed, 0 failed", log.ToString().TrimEnd());
        Assert.True(log.ToString().IndexOf("a-first.dib", StringComparison.Ordinal) < log.ToString().IndexOf("second.dib", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "a-first.html")));

        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "b", "second.ipynb")))!;
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.Equal(5, (int)nb["nbformat_minor"]!);
        Assert.Equal(".net-csharp", (string)nb["metadata"]!["kernelspec"]!["name"]!);
        var cells = nb["cells"]!.AsArray();
        Assert.Equal(["markdown", "code", "code", "code"], cells.Select(c => (string)c!["cell_type"]!));
        Assert.Equal(cells.Count, cells.Select(c => (string)c!["id"]!).Distinct().Count());
        Assert.Equal("injected-parameters", (string)cells[2]!["metadata"]!["tags"]![0]!);
        var outputs = cells[3]!["outputs"]!.AsArray();
        Assert.Equal("stream", (string)outputs[0]!["output_type"]!);
        Assert.Equal("1\n", (string)outputs[0]!["text"]![0]!);
        Assert.Equal("execute_result", (string)outputs[1]!["output_type"]!);
        Assert.Contains("<pre>2</pre>", string.Concat(outputs[1]!["data"]!["text/html"]!.AsArray().Select(l => (string)l!)));
        Assert.Equal(3, (int)outputs[1]!["execution_count"]!);

        var html = File.ReadAllText(Path.Combine(outDir, "b", "second.html"));
        Assert.Contains("<h1 id=\"second\">Second</h1>", html);
        Assert.Contains("injected parameters", html);
    }

    [Fact]
    public async Task A_failing_notebook_fails_the_run_with_cell_and_line()
    {
        var file = _dir.Write("broken.dib", "#!csharp\n\nvar a = 1;\n\n#!csharp\n\nvar b = a +;\n");
        var log = new StringWriter();
        int exit = await RunCommand.ExecuteAsync(new RunRequest([file], false, [], Path.Combine(_dir.Path, "out"), false), log);
        Assert.Equal(1, exit);
        Assert.Contains("broken.dib: cell 2, line 1 (line 7 of the file): CS1525", log.ToString());
        Assert.EndsWith("0 passed, 1 failed", log.ToString().TrimEnd());
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir.Path, "out", "broken.ipynb")))!;
        Assert.Equal("error", (string)nb["cells"]![1]!["outputs"]![0]!["output_type"]!);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_usage_errors()
    {
        var log = new StringWriter();
        Assert.Equal(2, await RunCommand.ExecuteAsync(new RunRequest([Path.Combine(_dir.Path, "missing.dib")], false, [], null, false), log));
        Assert.Contains("No notebook or folder", log.ToString());
        Assert.Equal(2, await RunCommand.ExecuteAsync(new RunRequest([_dir.Path], false, ["novalue"], null, false), log));
        Assert.Contains("must look like name=value", log.ToString());
    }

    [Fact]
    public void Folders_expand_recursively_in_a_stable_order_skipping_shared_and_build_folders()
    {
        _dir.Write("n/track/02-cache.dib", "#!csharp\n\n1");
        _dir.Write("n/track/01-scrape.dib", "#!csharp\n\n1");
        _dir.Write("n/00-welcome.dib", "#!csharp\n\n1");
        _dir.Write("n/_setup.dib", "#!csharp\n\n1");
        _dir.Write("n/bin/ignored.dib", "#!csharp\n\n1");
        var set = NotebookSet.Expand([Path.Combine(_dir.Path, "n")], Path.Combine(_dir.Path, "n"));
        Assert.Equal(["00-welcome", "track/01-scrape", "track/02-cache"], set.Select(e => e.OutputName));
        var explicitShared = NotebookSet.Expand([Path.Combine(_dir.Path, "n", "_setup.dib")], null);
        Assert.Equal("_setup", Assert.Single(explicitShared).OutputName);
    }

    [Fact]
    public void Jupyter_notebooks_are_found_too_but_not_in_the_output_folder_nor_beside_a_dib_of_the_same_name()
    {
        _dir.Write("n/a.dib", "#!csharp\n\n1");
        _dir.Write("n/b.ipynb", "{}");
        _dir.Write("n/out/a.ipynb", "{}");
        var set = NotebookSet.Expand([Path.Combine(_dir.Path, "n")], null, Path.Combine(_dir.Path, "n", "out"));
        Assert.Equal(["a", "b"], set.Select(e => e.OutputName));

        _dir.Write("n/b.dib", "#!csharp\n\n1");
        var e = Assert.Throws<InvalidDataException>(() => NotebookSet.Expand([Path.Combine(_dir.Path, "n")], null, Path.Combine(_dir.Path, "n", "out")));
        Assert.Contains("would both write the reports b.ipynb and b.html", e.Message);
    }

    [Fact]
    public async Task An_ipynb_runs_with_its_parameters_cell_and_smoke_values()
    {
        var notebook = _dir.Write("nb.ipynb", """
            {"cells":[
              {"cell_type":"markdown","metadata":{},"source":["# Jupyter"]},
              {"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[],
               "source":["// parameters\n","int n = 3; // smoke: 1"]},
              {"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[],
               "source":["Console.WriteLine(n * 10);"]},
              {"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[],
               "source":["var x = 1;\n","var missing = undefinedName;"]}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
            """);
        var log = new StringWriter();
        int exit = await RunCommand.ExecuteAsync(new RunRequest([notebook], true, [], Path.Combine(_dir.Path, "out"), false), log);
        Assert.Equal(1, exit);
        Assert.Contains("nb.ipynb: cell 4, line 2: CS0103", log.ToString());
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir.Path, "out", "nb.ipynb")))!;
        var cells = nb["cells"]!.AsArray();
        Assert.Equal("injected-parameters", (string)cells[2]!["metadata"]!["tags"]![0]!);
        Assert.Equal("10\n", (string)cells[3]!["outputs"]![0]!["text"]![0]!);
    }
}
