namespace Lib.Cli.Tests;

public sealed class SplitsTimingCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-splits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Timing_writes_the_normalised_table_equal_to_timing_expected()
    {
        var output = Path.Combine(_dir, "riders.csv");
        var (code, stdout, stderr) = LabRun.Run(null, "splits", "timing", "--input", Path.Combine(LabRun.Repo, "data", "splits", "timing"), "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(LabRun.Repo, "data", "splits", "timing_expected.csv")), File.ReadAllText(output));
        Assert.Contains("8524 rows from 32 files", stdout);
        Assert.Contains("disagreements: timing/biel_dhi_me_results_f.csv vs the PDF", stderr);
        var disagreements = File.ReadAllLines(Path.Combine(_dir, "disagreements.csv"));
        Assert.Contains(disagreements, l => l.StartsWith("bielsko_biala_2024,f,,COULANGES Benoit,split1_s,39.306,85.869,", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_official_writes_two_comparisons_per_run_and_reports_the_refused_timecode()
    {
        var output = Path.Combine(_dir, "matches.csv");
        var (code, stdout, stderr) = LabRun.Run(null, "splits", "match-official", "--timing", Path.Combine(LabRun.Repo, "data", "splits", "timing", "biel_dhi_me_results_semi.pdf"), "--out", output);
        Assert.Equal(1, code); // the seed's frame-24 timecode is refused
        Assert.Contains("line 11: track 'loudenvielle_2025', rider 'amaury_pierron'", stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal(49, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("poland_2025,oisin_o_callaghan,2-5,matched,bielsko_biala_2024,semi,,O CALLAGHAN Oisin,", StringComparison.Ordinal));
        Assert.Contains("1 of 48 comparisons matched", stdout);
    }

    [Fact]
    public void Missing_inputs_are_a_usage_error()
    {
        Assert.Equal(2, LabRun.Run(null, "splits", "timing", "--input", Path.Combine(_dir, "nope")).Code);
        Assert.Equal(2, LabRun.Run(null, "splits", "match-official", "--config", Path.Combine(_dir, "nope.yaml")).Code);
    }
}
