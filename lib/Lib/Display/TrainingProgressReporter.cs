using System.Globalization;
using Lib.Tensors.Training;

namespace Lib.Display;

/// <summary>
/// Shows a <see cref="Trainer{TBatch}"/> run through an <see cref="IProgressReporter"/>: one task for
/// the whole fit, counting batches over every epoch, with the epoch, the loss, the learning rate and
/// the last validation metrics as its status (<c>epoch 3/20 · loss 0.412 · val_mae 0.310 · lr 1e-03</c>).
/// </summary>
public sealed class TrainingProgressReporter(IProgressReporter reporter, string description = "Training") : ITrainingProgress
{
    private IProgressTask? _task;
    private string _metrics = "";

    /// <inheritdoc/>
    public void Report(TrainingProgress p)
    {
        switch (p.Event)
        {
            case TrainingEvent.Started:
                _task?.Dispose();
                _task = reporter.Start(description, (long)p.MaxEpochs * p.BatchesPerEpoch, "batches");
                if (p.Epoch > 0) _task.Advance((long)p.Epoch * p.BatchesPerEpoch); // resumed
                break;
            case TrainingEvent.BatchEnd:
                _task?.Advance();
                _task?.SetStatus(Status(p, p.EpochLoss));
                break;
            case TrainingEvent.EpochEnd:
                _metrics = string.Concat(p.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $" · {m.Key} {m.Value:G4}")));
                _task?.SetStatus(Status(p, p.Loss));
                break;
            case TrainingEvent.Ended:
                _task?.Complete();
                _task?.Dispose();
                _task = null;
                break;
        }
    }

    private string Status(TrainingProgress p, double loss) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {p.Epoch + 1}/{p.MaxEpochs} · loss {loss:G4}{_metrics} · lr {p.LearningRate:0.##e+00}");
}
