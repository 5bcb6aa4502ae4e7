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
        Assert.Equal(("fit", 3L, (long?)6, "steps", true), (last.Description, last.Done, last.Total, last.Unit, last.Finished));
        Assert.Equal("epoch 2/3, loss 0.6, val_mae 2.25 (stopped early)", last.Status);
        Assert.Contains(updates, u => u.Status == "epoch 1/3, loss 0.8, val_mae 2.25");
    }
}
