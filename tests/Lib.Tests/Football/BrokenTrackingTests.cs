using Lib.Football.Ingest;

namespace Lib.Tests.Football;

/// <summary>
/// Every validation rule fails on a broken copy of real rows (the first play of data/football/tracking.csv.gz with
/// faults written in), each reported with its file, play and line; the rows that read are kept.
/// </summary>
public class BrokenTrackingTests
{
    private const string Header =
        "game_id,play_id,season,week,frame_id,time,nfl_id,display_name,position,team,jersey_number,x,y,s,o,dir,event";

    // Real rows of play 2018011401/4497 (frames 122-125), then the faults.
    private static readonly string[] Rows =
    [
        "2018011401,4497,2017,19,122,2018-01-15 01:06:51.000,2495184,Cameron Jordan,DE,away,94,49.3,18.82,0.0,154.1,354.5,", // 2
        "2018011401,4497,2017,19,123,2018-01-15 01:06:51.100,2495184,Cameron Jordan,DE,away,94,49.3,18.82,0.0,154.1,354.5,", // 3
        "2018011401,4497,2017,19,126,2018-01-15 01:06:51.400,2495184,Cameron Jordan,DE,away,94,49.31,18.82,0.1,154.1,354.5,", // 4: gap 124-125
        "2018011401,4497,2017,19,126,2018-01-15 01:06:51.400,2495184,Cameron Jordan,DE,away,94,49.31,18.82,0.1,154.1,354.5,first_contact", // 5: duplicate
        "2018011401,4497,2017,19,122,2018-01-15 01:06:51.000,2495438,Kyle Rudolph,TE,home,82,121.5,18.87,0.0,354.1,306.4,", // 6: x
        "2018011401,4497,2017,19,123,2018-01-15 01:06:51.100,2495438,Kyle Rudolph,TE,home,82,46.79,-0.4,0.0,354.1,306.4,", // 7: y
        "2018011401,4497,2017,19,124,2018-01-15 01:06:51.200,2495438,Kyle Rudolph,TE,home,82,46.79,18.87,14.2,354.1,306.4,", // 8: player speed
        "2018011401,4497,2017,19,122,2018-01-15 01:06:51.000,,ball,,football,,47.0,20.0,29.0,,,", // 9: a fast ball is fine
        "2018011401,4497,2017,19,123,2018-01-15 01:06:51.100,,ball,,football,,47.0,20.0,36.5,,,", // 10: ball speed
        "2018011401,4497,2017,19,124,2018-01-15 01:06:51.200,12345,ball,,football,,47.0,20.0,1.0,,,", // 11: ball with an id
        "2018011401,4497,2017,19,122,2018-01-15 01:06:51.000,2495438,Kyle Rudolph,TE,away,82,46.79,18.87,0.0,354.1,306.4,", // 12: two teams
        "2018011401,4497,2017,19,127,2018-01-15 01:06:51.500,2495184,Cameron Jordan,DE,away,94,,18.82,0.1,154.1,354.5,", // 13: empty x
        "2018011401,4497,2017,19,127,2018-01-15 01:06:51.500,2495438,Kyle Rudolph,TE,home,82,46.79,abc,0.0,354.1,306.4,", // 14: y not a number
        "2018011401,4497,2017,19,12x,2018-01-15 01:06:51.500,2495438,Kyle Rudolph,TE,home,82,46.79,1.0,0.0,354.1,306.4,", // 15: frame
        "2018011401,4497,2017,19,127,2018-01-15 01:06:51.500,,Nobody,WR,home,11,46.79,1.0,0.0,354.1,306.4,", // 16: no id
        "2018011401,4497,2017,19,127,yesterday,2495438,Kyle Rudolph,TE,home,82,46.79,1.0,0.0,354.1,306.4,", // 17: time
        "2099010100,1,2017,19,127,2018-01-15 01:06:51.500,2495438,Kyle Rudolph,TE,home,82,46.79,1.0,0.0,354.1,306.4,", // 18: play
    ];

    private static (TrackingTable Table, ValidationReport Report) Run(TempDir dir, string text)
    {
        var folder = dir.File("football/x").Replace("/x", "");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tracking.csv"), text);
        File.Copy(FootballFixture.Plays, Path.Combine(folder, "plays.csv"));
        var table = FootballIngest.Run(FootballSources.FromFolder(folder));
        return (table, TrackingValidator.Validate(table));
    }

    [Fact]
    public void Each_rule_reports_its_rows_with_file_play_and_line()
    {
        using var dir = new TempDir();
        var (table, report) = Run(dir, Header + "\n" + string.Join("\n", Rows) + "\n");
        int[] Lines(ValidationRule rule) => [.. report.Of(rule).Select(i => i.Line).Order()];
        Assert.Equal([13], Lines(ValidationRule.MissingValue));
        Assert.Equal([14, 15, 17], Lines(ValidationRule.Type));
        Assert.Equal([11, 12, 16], Lines(ValidationRule.PlayerId));
        Assert.Equal([18], Lines(ValidationRule.UnknownPlay));
        Assert.Equal([6], Lines(ValidationRule.XRange));
        Assert.Equal([7], Lines(ValidationRule.YRange));
        Assert.Equal([8, 10], Lines(ValidationRule.Speed));
        Assert.Equal([5, 12], Lines(ValidationRule.DuplicateFrame)); // 12 repeats line 6's key on the other team
        Assert.Equal([4], Lines(ValidationRule.FrameGap));
        Assert.Empty(report.Of(ValidationRule.RequiredColumns));
        var gap = report.Of(ValidationRule.FrameGap).Single();
        Assert.Equal(("tracking.csv", 2018011401L, 4497, 2495184, 126), (gap.Source, gap.GameId, gap.PlayId, gap.NflId, gap.FrameId));
        Assert.Contains("124–125", gap.Message);
        Assert.Contains("y 'abc' is not a number", report.Of(ValidationRule.Type).First().Message);
        // Rows that read are kept (range, speed, duplicates are reported, not dropped); the others are left out.
        Assert.Equal(11, table.Rows.Count);
        Assert.Equal(6, report.Issues.Count(i => i.LeftOut));
        Assert.All(report.Issues.Where(i => i.LeftOut && i.Rule != ValidationRule.UnknownPlay), i => Assert.NotEqual("", i.Text));
        var summary = report.Summary.Single(s => s.Rule == "speed");
        Assert.Equal((2, 0, 1, 1), (summary.Failures, summary.LeftOut, summary.Plays, summary.Files));
    }

    [Fact]
    public void A_missing_column_is_one_issue_for_the_file()
    {
        using var dir = new TempDir();
        var (table, report) = Run(dir, Header.Replace(",dir", "") + "\n" + Rows[0][..Rows[0].LastIndexOf(",354.5", StringComparison.Ordinal)] + ",\n");
        Assert.Empty(table.Rows);
        var issue = Assert.Single(report.Of(ValidationRule.RequiredColumns));
        Assert.Equal(1, issue.Line);
        Assert.Contains("lacks dir", issue.Message);
    }

    [Fact]
    public void The_acceleration_rule_checks_the_BDB_a_column()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "bdb");
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(Path.Combine(FootballFixture.DataFolder, "bdb2023_sample", "bdb_coords.csv"));
        var fields = lines[1].Split(',');
        fields[11] = "22.5"; // a: a player accelerating at 22.5 yd/s²
        lines[1] = string.Join(',', fields);
        File.WriteAllLines(Path.Combine(folder, "bdb_coords.csv"), lines);
        foreach (var name in new[] { "bdb_plays.csv", "bdb_players.csv" })
            File.Copy(Path.Combine(FootballFixture.DataFolder, "bdb2023_sample", name), Path.Combine(folder, name));
        var report = TrackingValidator.Validate(FootballIngest.Run(FootballSources.FromFolder(folder)));
        var issue = Assert.Single(report.Of(ValidationRule.Acceleration));
        Assert.Equal(("bdb_coords.csv", 2), (issue.Source, issue.Line));
    }
}
