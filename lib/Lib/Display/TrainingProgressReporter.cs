using System.Globalization;
using Lib.Tensors.Training;

namespace Lib.Display;

/// <summary>
/// Shows a <see cref="Trainer{TBatch}"/>'s progress through an <see cref="IProgressReporter"/>: one task per fit counting
/// epochs, its status the last epoch's training loss and validation metrics (<c>epoch 12: train_loss 0.1234, val_pct 3.10</c>).
/// </summary>
public sealed class TrainingProgressReporter(IProgressReporter reporter, string description) : ITrainingProgress
{
    private readonly IProgressReporter _reporter = reporter ?? throw new ArgumentNullException(nameof(reporter));
    private IProgressTask? _task;

    /// <inheritdoc />
    public void Report(TrainingProgress progress)
    {
        switch (progress.Event)
        {
            case TrainingEvent.Started:
                _task?.Dispose();
                _task = _reporter.Start(description, progress.MaxEpochs, "epochs");
                if (progress.Epoch > 0) _task.Advance(progress.Epoch);
                break;
            case TrainingEvent.EpochEnd when _task is not null:
                _task.SetStatus(Status(progress));
                _task.Advance();
                break;
            case TrainingEvent.Ended when _task is not null:
                _task.SetStatus(Status(progress) + (progress.Epoch + 1 < progress.MaxEpochs ? " (stopped early)" : ""));
                _task.SetTotal(progress.Epoch + 1);
                _task.Complete();
                _task = null;
                break;
        }
    }

    private static string Status(TrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {p.Epoch + 1}: train_loss {p.EpochLoss:0.0000}{string.Concat(p.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $", {m.Key} {m.Value:0.0000}")))}");
}
