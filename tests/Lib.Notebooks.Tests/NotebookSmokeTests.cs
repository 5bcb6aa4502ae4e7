using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Tests;

/// <summary>Every notebook of the lab, end to end in smoke mode, on the same code path as the main job.</summary>
public class NotebookSmokeTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var entry in NotebookSet.Expand([RepoPaths.Notebooks], RepoPaths.Notebooks)) data.Add(entry.OutputName);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_smoke_mode(string name)
    {
        var log = new StringWriter();
        var path = Path.Combine(RepoPaths.Notebooks, name + ".dib");
        var run = await NotebookRunner.RunAsync(path, new NotebookRunOptions { Smoke = true, Log = log, DisplayRoot = RepoPaths.Root });
        Assert.True(run.Succeeded, $"{run.Failure}\n{log}");
        RunCommand.Write(run, Path.Combine(RepoPaths.Root, "artifacts", "test-notebooks"), name);
    }
}
