using System.Globalization;
using Lib.Tensors.Training;

namespace Lib.Display;

/// <summary>
/// Shows a <see cref="Trainer{TBatch}"/> run on an <see cref="IProgressReporter"/> (a notebook's live
/// display, Spectre bars, plain lines): one task counting optimizer steps over the whole run, its status
/// the epoch, the epoch's training loss and the latest validation metrics. Early stopping completes it.
/// </summary>
public sealed class TrainingProgressReporter(IProgressReporter reporter, string description = "training") : ITrainingProgress
{
    private readonly IProgressReporter _reporter = reporter ?? throw new ArgumentNullException(nameof(reporter));
    private IProgressTask? _task;
    private string _metrics = "";

    /// <inheritdoc />
    public void Report(TrainingProgress p)
    {
        switch (p.Event)
        {
            case TrainingEvent.Started:
                _task?.Complete();
                _task = _reporter.Start(description, (long)p.MaxEpochs * p.BatchesPerEpoch, "steps");
                if (p.Epoch > 0) _task.Advance((long)p.Epoch * p.BatchesPerEpoch);
                break;
            case TrainingEvent.BatchEnd:
                _task?.Advance();
                _task?.SetStatus(Status(p));
                break;
            case TrainingEvent.EpochEnd:
                _metrics = string.Join(", ", p.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.###}")));
                _task?.SetStatus(Status(p));
                break;
            case TrainingEvent.Ended:
                _task?.SetStatus(Status(p) + (p.Epoch + 1 < p.MaxEpochs ? " (stopped early)" : ""));
                _task?.Complete();
                _task = null;
                break;
        }
    }

    private string Status(TrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {p.Epoch + 1}/{p.MaxEpochs}, loss {p.EpochLoss:0.###}{(_metrics.Length == 0 ? "" : ", " + _metrics)}");
}
