using Lib.Football.Ingest;

namespace Lib.Tests.Football;

/// <summary>The validator on the bundled real data: the quirks the data's README lists are reported, not
/// dropped.</summary>
public class FootballValidatorTests
{
    [Fact]
    public void The_real_data_reports_its_known_quirks_per_rule()
    {
        var table = FootballFixture.Table;
        var report = FootballFixture.Report;
        Assert.Equal(657_683 + 6049, table.Rows.Count); // slim + BDB; the raw DAL play repeats the slim one
        Assert.Equal(345, table.Plays.Count);
        var counts = report.Summary.ToDictionary(s => s.Rule, s => s.Failures);
        Assert.Equal(0, counts["required-columns"]);
        Assert.Equal(0, counts["missing-value"]);
        Assert.Equal(0, counts["type"]);
        Assert.Equal(0, counts["player-id"]);
        Assert.Equal(0, counts["unknown-play"]);
        Assert.Equal(1, counts["duplicate-play"]); // the raw file's play, already read from tracking.csv.gz
        Assert.Equal(1270, counts["x-range"]);
        Assert.Equal(3019, counts["y-range"]);
        Assert.Equal(0, counts["speed"]); // players ≤ 11.15 yd/s; the ball's 29.5 is within its own limit
        Assert.Equal(0, counts["acceleration"]);
        Assert.Equal(391, counts["duplicate-frame"]);
        Assert.Equal(6, counts["frame-gap"]);
        Assert.True(report.Checked);
        var duplicate = report.Of(ValidationRule.DuplicatePlay).Single();
        Assert.Equal("2018_DAL_2019011201_531.tsv.gz", duplicate.Source);
        Assert.True(duplicate.LeftOut);
        Assert.Contains(table.Files, f => f.File == "2018_DAL_2019011201_531.tsv.gz" && f.Rows == 0 && f.LeftOut == 5923);
        // The ball goes over 25 yd/s in the real data, which the ball's limit allows.
        Assert.Contains(table.Rows, r => r.IsBall && r.S > 25);
        Assert.Equal(report.Issues.Count(i => !i.LeftOut), TrackingValidator.Validate(table).Issues.Count(i => !i.LeftOut));
        Assert.Equal([.. table.LeftOut], TrackingValidator.Skip(table).Issues);
    }
}
