using Lib.Tensors.Training;

namespace Lib.Tracking;

/// <summary>
/// A <see cref="Trainer{TBatch}"/> callback that writes each epoch's <c>train_loss</c>, metrics (validation and
/// <c>train_&lt;aux&gt;</c>) and learning rate (<c>lr</c>) as TensorBoard scalars at step = epoch, the steps the
/// MLflow metrics use. Given a <see cref="TrackedRun"/>, the event file goes next to the run, in
/// <c>&lt;run&gt;/artifacts/tensorboard</c>, so <c>tensorboard --logdir artifacts/mlruns</c> shows every run.
/// </summary>
/// <example><code>trainer.Callbacks.Add(new TensorBoardCallback(run));</code></example>
public sealed class TensorBoardCallback : ITrainerCallback, IDisposable
{
    private readonly string _directory;
    private TensorBoardEventWriter? _writer;
    private string? _filePath;

    /// <summary>Writes into <paramref name="directory"/>.</summary>
    public TensorBoardCallback(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// <summary>Writes into <c>tensorboard</c> under <paramref name="run"/>'s artifacts.</summary>
    public TensorBoardCallback(TrackedRun run)
        : this(DirectoryOf(run)) { }

    /// <summary>Where the event files of <paramref name="run"/> go.</summary>
    public static string DirectoryOf(TrackedRun run) =>
        Path.Combine((run ?? throw new ArgumentNullException(nameof(run))).ArtifactsDirectory, "tensorboard");

    /// <summary>The event file written by the latest run (null before one starts).</summary>
    public string? FilePath => _filePath;

    void ITrainerCallback.OnTrainStart(TrainingContext context) => Open();

    void ITrainerCallback.OnEpochEnd(TrainingContext context)
    {
        var writer = Open();
        writer.AddScalar(EpochRecord.TrainLossName, context.Loss, context.Epoch);
        foreach (var (name, value) in context.Metrics)
            writer.AddScalar(name, value, context.Epoch);
        writer.AddScalar("lr", context.History.Epochs[^1].LearningRate, context.Epoch);
    }

    private TensorBoardEventWriter Open()
    {
        if (_writer is null)
        {
            _writer = new TensorBoardEventWriter(_directory);
            _filePath = _writer.FilePath;
        }
        return _writer;
    }

    void ITrainerCallback.OnTrainEnd(TrainingContext context) => Dispose();

    /// <summary>Closes the event file (a later run of the same callback starts a new one).</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
