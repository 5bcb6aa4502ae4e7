using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Tests;

/// <summary>
/// A notebook as VS Code writes it (<c>tests/fixtures/notebooks/vscode-features.dib</c>) using the
/// Polyglot features a user reaches for, run on the real kernel: each output is what the kernel publishes.
/// </summary>
public class VsCodeFeaturesTests
{
    private static readonly string NotebookPath = Path.Combine(RepoPaths.Root, "tests", "fixtures", "notebooks", "vscode-features.dib");

    [Fact]
    public async Task Every_feature_runs_and_the_failing_cell_is_reported()
    {
        var run = await NotebookRunner.RunAsync(NotebookPath, new NotebookRunOptions { KeepGoing = true, DisplayRoot = RepoPaths.Root });
        string Html(int cell) => string.Concat(run.Cells[cell].Outputs.OfType<DisplayOutput>().Last().Data.Values);
        string Text(int cell) => run.Cells[cell].Outputs.OfType<DisplayOutput>().Last().Data.GetValueOrDefault("text/plain", "");

        Assert.Equal(CellStatus.Succeeded, run.Cells[1].Status); // #r "nuget: Humanizer.Core, 3.0.10"
        Assert.Contains("Humanizer.Core, 3.0.10", Html(1));
        Assert.Contains("headless notebook runner", Html(2));
        Assert.Equal("hello from the value kernel", Text(3).Trim());
        Assert.Equal("HELLO FROM THE VALUE KERNEL", Text(4).Trim());
        Assert.Contains("<pre>27</pre>", Html(5));
        Assert.Contains(run.Cells[6].Outputs.OfType<DisplayOutput>(), o => o.IsResult && o.Data["text/html"].Contains("<pre>333833500</pre>"));
        Assert.Contains(run.Cells[6].Outputs.OfType<DisplayOutput>(), o => o.Data.GetValueOrDefault("text/plain", "").StartsWith("Wall time: ", StringComparison.Ordinal));
        Assert.Equal(["first", "second"], run.Cells[7].Outputs.OfType<DisplayOutput>().Select(o => o.Data["text/plain"]));
        Assert.Equal("<b>Mondo Duplantis</b>: gold", Html(8));

        Assert.Equal(CellStatus.Failed, run.Cells[9].Status);
        var failure = Assert.Single(run.Failures);
        Assert.Contains("vscode-features.dib: cell 10, line 2", failure);
        Assert.Contains("System.Collections.Generic.KeyNotFoundException", failure);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", Assert.IsType<ErrorOutput>(run.Cells[9].Outputs.Single()).Name);
    }
}
