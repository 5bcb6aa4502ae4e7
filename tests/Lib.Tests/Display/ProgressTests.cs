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

public class TrainingProgressReporterTests
{
    [Fact]
    public void A_fit_is_one_task_counting_batches_with_epoch_loss_metrics_and_lr_as_status()
    {
        var updates = new List<ProgressSnapshot>();
        var progress = new DisplayProgress(_ => v => updates.Add((ProgressSnapshot)v), TimeSpan.Zero);
        var reporter = new TrainingProgressReporter(progress);
        var none = new Dictionary<string, double>();
        Lib.Tensors.Training.TrainingProgress P(Lib.Tensors.Training.TrainingEvent e, int epoch, int batch, IReadOnlyDictionary<string, double>? m = null) =>
            new(e, epoch, 2, batch, 3, epoch * 3 + batch, 0.5, 0.25, 1e-3, m ?? none, TimeSpan.Zero);
        reporter.Report(P(Lib.Tensors.Training.TrainingEvent.Started, 0, 0));
        for (int e = 0; e < 2; e++)
        {
            for (int b = 1; b <= 3; b++) reporter.Report(P(Lib.Tensors.Training.TrainingEvent.BatchEnd, e, b));
            reporter.Report(P(Lib.Tensors.Training.TrainingEvent.EpochEnd, e, 3, new Dictionary<string, double> { ["val_mae"] = 0.31 }));
        }
        reporter.Report(P(Lib.Tensors.Training.TrainingEvent.Ended, 1, 3));
        var last = updates[^1];
        Assert.True(last.Finished);
        Assert.Equal(6, last.Done);
        Assert.Equal(6, last.Total);
        Assert.Equal("epoch 2/2 · loss 0.5 · val_mae 0.31 · lr 1e-03", last.Status);
    }
}
