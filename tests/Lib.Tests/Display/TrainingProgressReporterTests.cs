using Lib.Display;
using Lib.Tensors.Training;

namespace Lib.Tests.Display;

public class TrainingProgressReporterTests
{
    private static TrainingProgress Event(TrainingEvent kind, int epoch, int batch, double loss = 0.5, IReadOnlyDictionary<string, double>? metrics = null) =>
        new(kind, epoch, 3, batch, 2, epoch * 2 + batch, loss, loss, 1e-3, metrics ?? new Dictionary<string, double>(), TimeSpan.Zero);

    [Fact]
    public void A_run_is_one_task_of_all_steps_with_epoch_loss_and_metrics_as_status()
    {
        var updates = new List<ProgressSnapshot>();
        var reporter = new TrainingProgressReporter(new DisplayProgress(_ => v => updates.Add((ProgressSnapshot)v), TimeSpan.Zero), "fit");
        reporter.Report(Event(TrainingEvent.Started, 0, 0));
        reporter.Report(Event(TrainingEvent.BatchEnd, 0, 1, 0.9));
        reporter.Report(Event(TrainingEvent.BatchEnd, 0, 2, 0.7));
        reporter.Report(Event(TrainingEvent.EpochEnd, 0, 2, 0.8, new Dictionary<string, double> { ["val_mae"] = 2.25 }));
        reporter.Report(Event(TrainingEvent.BatchEnd, 1, 1, 0.6));
        reporter.Report(Event(TrainingEvent.Ended, 1, 2, 0.6));

        var last = updates[^1];
        // Stopped after 3 of 6 batches: the total shrinks to what was done.
        Assert.Equal(("fit", 3L, (long?)3, "batches", true), (last.Description, last.Done, last.Total, last.Unit, last.Finished));
        Assert.Equal("epoch 2/3 · loss 0.6 · val_mae 2.25 · lr 1e-03 (stopped early)", last.Status);
        Assert.Contains(updates, u => u.Status == "epoch 1/3 · loss 0.8 · val_mae 2.25 · lr 1e-03");
    }

    [Fact]
    public void A_fit_is_one_task_counting_batches_with_epoch_loss_metrics_and_lr_as_status()
    {
        var updates = new List<ProgressSnapshot>();
        var progress = new DisplayProgress(_ => v => updates.Add((ProgressSnapshot)v), TimeSpan.Zero);
        var reporter = new TrainingProgressReporter(progress);
        var none = new Dictionary<string, double>();
        TrainingProgress P(TrainingEvent e, int epoch, int batch, IReadOnlyDictionary<string, double>? m = null) =>
            new(e, epoch, 2, batch, 3, epoch * 3 + batch, 0.5, 0.25, 1e-3, m ?? none, TimeSpan.Zero);
        reporter.Report(P(TrainingEvent.Started, 0, 0));
        for (int e = 0; e < 2; e++)
        {
            for (int b = 1; b <= 3; b++) reporter.Report(P(TrainingEvent.BatchEnd, e, b));
            reporter.Report(P(TrainingEvent.EpochEnd, e, 3, new Dictionary<string, double> { ["val_mae"] = 0.31 }));
        }
        reporter.Report(P(TrainingEvent.Ended, 1, 3));
        var last = updates[^1];
        Assert.True(last.Finished);
        Assert.Equal(6, last.Done);
        Assert.Equal(6, last.Total);
        Assert.Equal("epoch 2/2 · loss 0.5 · val_mae 0.31 · lr 1e-03", last.Status);
    }
}
