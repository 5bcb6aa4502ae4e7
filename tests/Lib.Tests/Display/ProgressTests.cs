using Lib.Display;

namespace Lib.Tests.Display;

public class ProgressTests
{
    [Fact]
    public void Snapshots_show_counts_bar_rate_and_status()
    {
        var s = new ProgressSnapshot("Training", 40, 100, "epochs", TimeSpan.FromSeconds(4), "loss 0.31", false);
        Assert.Equal(0.4, s.Fraction);
        Assert.Equal(10, s.Rate);
        Assert.Equal(TimeSpan.FromSeconds(6), s.Remaining);
        Assert.Equal("Training 40/100 epochs [==========>             ] 40% 10/s 0:06 left loss 0.31", s.ToString());
        Assert.Null(new ProgressSnapshot("Scanning", 7, null, "pages", TimeSpan.FromSeconds(1), null, false).Fraction);
    }

    [Fact]
    public void Line_progress_writes_the_first_and_final_state_and_throttles_the_rest()
    {
        var writer = new StringWriter();
        using (var task = new LineProgress(writer, TimeSpan.FromHours(1)).Start("Fetching", 3, "pages"))
        {
            task.Advance();
            task.Advance();
            task.SetStatus("3 cached");
            task.Advance();
        }
        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Fetching 0/3 pages", lines[0]);
        Assert.StartsWith("Fetching 3/3 pages [========================] 100%", lines[1]);
        Assert.Contains("done in", lines[1]);
        Assert.EndsWith("3 cached", lines[1]);
    }

    [Fact]
    public void Display_progress_shows_once_then_updates_in_place()
    {
        var shown = new List<object>();
        var updates = new List<object>();
        var progress = new DisplayProgress(v => { shown.Add(v); return updates.Add; }, TimeSpan.Zero);
        using (var task = progress.Start("Epochs", 2))
        {
            task.Advance();
            task.Advance();
        }
        Assert.Single(shown);
        Assert.Equal(3, updates.Count);
        var last = Assert.IsType<ProgressSnapshot>(updates[^1]);
        Assert.True(last.Finished);
        Assert.Equal(2, last.Done);
    }

    [Fact]
    public void Concurrent_advances_are_all_counted()
    {
        var task = new ProgressTask("Work", 10_000, "items", TimeSpan.FromHours(1), _ => { });
        Parallel.For(0, 10_000, _ => task.Advance());
        Assert.Equal(10_000, task.Snapshot.Done);
    }
}
