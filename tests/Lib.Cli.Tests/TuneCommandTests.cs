using Lib.Tracking;

namespace Lib.Cli.Tests;

/// <summary><c>lab tune track</c> on the bundled data: a two-trial study of one-epoch smoke models.</summary>
public class TuneCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-tune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Tune(params string[] args) =>
        LabRun.Run(null, ["tune", "track", "--smoke", "--trials", "2", "--max-epochs", "1", "--hidden", "4,8", "--gender", "women",
            "--cache", Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "mlruns"), .. args]);

    [Fact]
    public void Tune_prints_the_comparison_table_and_best_parameters_and_resumes()
    {
        var (code, output, error) = Tune();
        Assert.True(code == 0, error);
        Assert.Contains("best_val_pct", output);
        Assert.Contains("best so far", output);
        Assert.Contains("2 trials, 0 read back from earlier runs, 2 run now.", output);
        Assert.Matches(@"Best: trial [01], best_val_pct \d+\.\d{3} with learning_rate=", output);
        Assert.Matches(@"Train it with: lab track train --gender women --epochs 1 --lr [0-9.eE+-]+ --season-hidden (4|8) --across-hidden (4|8) --dropout", output);
        var runs = new TrackingStore(Path.Combine(_dir, "mlruns")).Runs("track-tuning");
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("track-women", r.Tags["lab.study"]));
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));

        (code, output, error) = Tune();
        Assert.True(code == 0, error);
        Assert.Contains("2 trials, 2 read back from earlier runs, 0 run now.", output);
        Assert.Equal(2, new TrackingStore(Path.Combine(_dir, "mlruns")).Runs("track-tuning").Count);
    }

    [Theory]
    [InlineData("--lr", "1e-2:1e-4", "--lr '1e-2:1e-4': Parameter 'learning_rate': a log-uniform range needs finite 0 < low < high")]
    [InlineData("--lr", "0.01", "--lr '0.01' is not a range low:high")]
    [InlineData("--hidden", "8,x", "--hidden '8,x': 'x' is not a size of at least 1")]
    [InlineData("--search", "bayes", "--search 'bayes' is not random or grid")]
    [InlineData("--gender", "both", "--gender 'both' is not men or women")]
    [InlineData("--trials", "0", "--trials must be at least 1, got 0")]
    public void A_wrong_command_line_exits_2_naming_the_option(string option, string value, string message)
    {
        var (code, _, error) = LabRun.Run(null, "tune", "track", option, value, "--runs", Path.Combine(_dir, "mlruns"));
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "mlruns", "1")));
    }

    [Fact]
    public void Help_lists_the_tune_group_and_its_options()
    {
        var (code, output, _) = LabRun.Run(null, "tune", "track", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--trials", "--search", "--seed", "--halving", "--gender", "--max-epochs", "--study", "--runs" })
            Assert.Contains(option, output);
        Assert.Contains("tune", LabRun.Run(null, "--help").Out);
    }
}
