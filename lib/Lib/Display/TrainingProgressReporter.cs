using System.Globalization;
using Lib.Tensors.Training;

namespace Lib.Display;

/// <summary>
/// Shows a <see cref="Trainer{TBatch}"/> run through an <see cref="IProgressReporter"/>: one task for
/// the whole fit, counting batches over every epoch, with the epoch, the loss, the last validation
/// metrics and the learning rate as its status (<c>epoch 3/20 · loss 0.412 · val_mae 0.31 · lr 1e-03</c>).
/// A run that stops early ends with the batches it did as its total and says so.
/// </summary>
public sealed class TrainingProgressReporter(IProgressReporter reporter, string description = "Training")
    : ITrainingProgress
{
    private readonly IProgressReporter _reporter = reporter ?? throw new ArgumentNullException(nameof(reporter));
    private IProgressTask? _task;
    private long _done;
    private string _metrics = "";

    /// <inheritdoc/>
    public void Report(TrainingProgress p)
    {
        switch (p.Event)
        {
            case TrainingEvent.Started:
                _task?.Dispose();
                _task = _reporter.Start(description, (long)p.MaxEpochs * p.BatchesPerEpoch, "batches");
                _done = (long)p.Epoch * p.BatchesPerEpoch;
                if (_done > 0)
                    _task.Advance(_done); // resumed
                break;
            case TrainingEvent.BatchEnd when _task is not null:
                _task.Advance();
                _done++;
                _task.SetStatus(Status(p, p.EpochLoss));
                break;
            case TrainingEvent.EpochEnd when _task is not null:
                _metrics = string.Concat(
                    p.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $" · {m.Key} {m.Value:G4}"))
                );
                _task.SetStatus(Status(p, p.Loss));
                break;
            case TrainingEvent.Ended when _task is not null:
                if (p.Epoch + 1 < p.MaxEpochs)
                {
                    _task.SetStatus(Status(p, p.EpochLoss) + " (stopped early)");
                    _task.SetTotal(_done);
                }
                _task.Complete();
                _task.Dispose();
                _task = null;
                break;
        }
    }

    private string Status(TrainingProgress p, double loss) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {p.Epoch + 1}/{p.MaxEpochs} · loss {loss:G4}{_metrics} · lr {p.LearningRate:0.##e+00}"
        );
}
