using Lib.Football.Cache;
using Lib.Football.Domain;
using Lib.Football.Ingest;
using Lib.Storage;

namespace Lib.Tests.Football;

/// <summary>The cache step on a small real subset: two plays of tracking.csv.gz (one with repeated frames) and
/// plays.csv.</summary>
public class FootballCacheTests
{
    private static readonly PlayKey Duplicated = new(2018091601, 1811);
    private static readonly PlayKey Other = new(2018011401, 4497);

    private static string SmallFolder(TempDir dir)
    {
        var folder = Path.Combine(dir.Path, "football");
        Directory.CreateDirectory(folder);
        var (header, records) = CsvFile.Open(FootballFixture.Slim);
        var lines = new List<string> { string.Join(",", header) };
        foreach (var r in records)
        {
            var key = new PlayKey(long.Parse(r.Fields[0]), int.Parse(r.Fields[1]));
            if (key == Duplicated || key == Other)
                lines.Add(r.Text);
            else if (key.GameId > Duplicated.GameId)
                break;
        }
        File.WriteAllLines(Path.Combine(folder, "tracking.csv"), lines);
        File.Copy(FootballFixture.Plays, Path.Combine(folder, "plays.csv"));
        return folder;
    }

    [Fact]
    public void The_step_is_reused_until_a_source_or_parameter_changes()
    {
        using var dir = new TempDir();
        var folder = SmallFolder(dir);
        var cache = Path.Combine(dir.Path, "cache");
        var first = FootballCacheStep.Run(folder, cache);
        Assert.True(first.Step.Rebuilt);
        Assert.Equal(2, first.Plays.Count);
        Assert.False(FootballCacheStep.Run(folder, cache).Step.Rebuilt);
        var unvalidated = FootballCacheStep.Run(folder, cache, validate: false);
        Assert.True(unvalidated.Step.Rebuilt);
        Assert.False(unvalidated.Report.Checked);
        Assert.Empty(unvalidated.Report.Issues);
        var week = FootballCacheStep.Run(folder, cache, TrackingSelection.Of(weeks: [2]));
        Assert.True(week.Step.Rebuilt);
        Assert.Equal([Duplicated], week.Plays.Keys);
        File.AppendAllText(Path.Combine(folder, "tracking.csv"), "2018011401,4497,2017,19,x,,,,,,,,,,,,\n");
        var changed = FootballCacheStep.Run(folder, cache);
        Assert.True(changed.Step.Rebuilt);
        var rejected = Assert.Single(changed.Rejected);
        Assert.StartsWith("type: frame_id 'x'", rejected.Reason);
    }

    [Fact]
    public void The_cached_table_keeps_one_row_per_key_with_the_events_merged_and_the_report_of_every_row()
    {
        using var dir = new TempDir();
        var folder = SmallFolder(dir);
        var cached = FootballCacheStep.Run(folder, Path.Combine(dir.Path, "cache"));
        var table = FootballIngest.Run(FootballSources.FromFolder(folder));
        var direct = TrackingValidator.Validate(table);
        Assert.Equal(direct.Issues.Count, cached.Report.Issues.Count);
        Assert.Equal(direct.Issues[0], cached.Report.Issues[0]);
        int duplicates = direct.Count(ValidationRule.DuplicateFrame);
        Assert.True(duplicates > 0);
        var rows = cached.ReadRows();
        Assert.Equal(table.Rows.Count - duplicates, rows.Count);
        Assert.Equal(rows.Count, cached.RowCount);
        Assert.Equal(rows.Count, rows.Select(r => (r.Play, r.FrameId, r.NflId)).Distinct().Count());
        var merged = rows.Where(r => r.Play == Duplicated && r.Event.Contains(';')).ToList();
        Assert.NotEmpty(merged);
        Assert.Contains(merged, r => r.Event == "pass_outcome_caught;first_contact");
        var play = cached.ReadPlay(Other);
        Assert.Equal(rows.Count(r => r.Play == Other), play.Count);
        Assert.Equal(rows.First(r => r.Play == Other), play[0]);
    }
}
