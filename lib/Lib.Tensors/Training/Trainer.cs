using System.Diagnostics;
using Lib.Tensors.Autograd;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Training;

/// <summary>
/// A small Lightning-style training loop. Each epoch: the model in training mode, for every batch
/// <c>ZeroGrad → loss = TrainingStep(batch) → Backward → ClipGradients → Step</c> (and the scheduler
/// when <see cref="SchedulerInterval.Step"/>); then validation in evaluation mode under
/// <see cref="GradMode.NoGrad"/>; then the epoch scheduler step, early stopping, callbacks and
/// checkpoints. Epochs count from 0. Metrics are named by the validation function; the training
/// loss is <c>train_loss</c> (the mean over the epoch weighted by batch size).
/// Each training step and each <see cref="ValidationStep"/> call runs in a <see cref="DisposeScope"/>, so a step
/// reuses the arrays of the one before; a step that keeps a tensor beyond itself must say so
/// (<see cref="Tensor.DetachFromDisposeScope"/>).
/// </summary>
/// <example><code>
/// var trainer = new Trainer&lt;Tensor[]&gt;(model, optimizer, b => F.MseLoss(model.Call(b[0]), b[1]))
/// {
///     MaxEpochs = 20,
///     ValidationStep = b => new Dictionary&lt;string, double&gt;
///     {
///         ["val_loss"] = F.MseLoss(model.Call(b[0]), b[1]).Item(),
///     },
///     EarlyStopping = new EarlyStopping("val_loss", patience: 3),
///     Checkpoints = new CheckpointOptions("artifacts/models/run1") { Monitor = "val_loss" },
///     ClipGradients = ps => ClipGrad.ClipGradNorm(ps, 1.0),
/// };
/// var history = trainer.Fit(trainLoader, valLoader, resumeFrom: File.Exists(last) ? "last" : null);
/// </code></example>
public sealed class Trainer<TBatch>
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    /// <summary>A trainer of <paramref name="model"/> by <paramref name="optimizer"/>, with
    /// <paramref name="trainingStep"/> returning a batch's scalar loss.</summary>
    public Trainer(Module model, Optimizer optimizer, Func<TBatch, Tensor> trainingStep)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        TrainingStep = trainingStep ?? throw new ArgumentNullException(nameof(trainingStep));
    }

    /// <summary>The model (switched between training and evaluation mode).</summary>
    public Module Model { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Computes a batch's scalar loss with the graph recorded.</summary>
    public Func<TBatch, Tensor> TrainingStep { get; }

    /// <summary>The number of epochs of the run (a resumed run continues up to it).</summary>
    public int MaxEpochs { get; set; } = 10;

    /// <summary>Metrics of one validation batch; the epoch's metrics are their means weighted by batch size.</summary>
    public Func<TBatch, IReadOnlyDictionary<string, double>>? ValidationStep { get; set; }

    /// <summary>Alternatively, metrics computed over the whole validation loader at once (AUC, calibration).</summary>
    public Func<IDataLoader<TBatch>, IReadOnlyDictionary<string, double>>? Validate { get; set; }

    /// <summary>An optional learning-rate schedule, stepped per <see cref="SchedulerInterval"/>.</summary>
    public LRScheduler? Scheduler { get; set; }

    /// <summary>When the scheduler steps: after each optimizer step (default) or each epoch.</summary>
    public SchedulerInterval SchedulerInterval { get; set; } = SchedulerInterval.Step;

    /// <summary>Called with the optimizer's parameters after backward and before each step, e.g. <c>ps =>
    /// ClipGrad.ClipGradNorm(ps, 1.0)</c>.</summary>
    public Action<IEnumerable<Tensor>>? ClipGradients { get; set; }

    /// <summary>Optional early stopping on a monitored metric.</summary>
    public EarlyStopping? EarlyStopping { get; set; }

    /// <summary>Optional checkpoints (last and best).</summary>
    public CheckpointOptions? Checkpoints { get; set; }

    /// <summary>Callbacks, called in list order.</summary>
    public List<ITrainerCallback> Callbacks { get; } = [];

    /// <summary>Optional progress receiver.</summary>
    public ITrainingProgress? Progress { get; set; }

    /// <summary>
    /// When true, <see cref="Fit"/> ends with the weights of the best epoch (by <see cref="Checkpoints"/>' monitor,
    /// else
    /// <see cref="EarlyStopping"/>'s), as Keras' <c>restore_best_weights</c>: a copy is kept in memory at each new
    /// best,
    /// and a resumed run whose best epoch came before the resume reads <see cref="CheckpointOptions.BestPath"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set without a monitor (neither checkpoints with one nor early
    /// stopping).</exception>
    public bool RestoreBestWeights { get; set; }

    private sealed class RunState
    {
        public long Step,
            SchedulerSteps;
        public double? BestValue;
        public int? BestEpoch;
        public bool StopRequested;
        public TimeSpan ElapsedOffset;
        public TrainingHistory History = new();
        public Dictionary<string, Tensor>? BestWeights;
        public readonly Stopwatch Watch = Stopwatch.StartNew();
        public TimeSpan Elapsed => ElapsedOffset + Watch.Elapsed;
    }

    /// <summary>
    /// Trains for the remaining epochs and returns the history (of the whole run when resumed).
    /// </summary>
    /// <param name="train">The training batches; its <see cref="IDataLoader{TBatch}.Epoch"/> is set to each
    /// epoch.</param>
    /// <param name="validation">Validation batches, needed exactly when <see cref="ValidationStep"/> or
    /// <see cref="Validate"/> is set.</param>
    /// <param name="resumeFrom">A checkpoint to continue from (<c>"last"</c> =
    /// <see cref="CheckpointOptions.LastPath"/>): model,
    /// optimizer, learning rates, scheduler (replayed), early stopping, history and shuffle seeds are restored and
    /// training continues at the next epoch, matching an uninterrupted run.</param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws, leaving the last checkpoint
    /// intact.</param>
    public TrainingHistory Fit(
        IDataLoader<TBatch> train,
        IDataLoader<TBatch>? validation = null,
        string? resumeFrom = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(train);
        CheckConfiguration(train, validation);
        var run = new RunState();
        EarlyStopping?.Reset();
        int startEpoch = 0;
        if (resumeFrom is not null)
        {
            if (resumeFrom == "last")
                resumeFrom = Checkpoints?.LastPath
                    ?? throw new InvalidOperationException("resumeFrom: \"last\" needs Checkpoints to be set.");
            startEpoch = Restore(resumeFrom, train, validation, run);
        }
        int lastEpoch = startEpoch - 1;
        var lastMetrics = run.History.Epochs.Count > 0 ? run.History.Epochs[^1].Metrics : NoMetrics;
        double lastLoss = run.History.Epochs.Count > 0 ? run.History.Epochs[^1].TrainLoss : double.NaN;

        var start = Context(run, startEpoch, 0, train.Count, double.NaN, NoMetrics, false);
        foreach (var c in Callbacks)
            c.OnTrainStart(start);
        Report(run, TrainingEvent.Started, startEpoch, 0, train.Count, double.NaN, double.NaN, NoMetrics);

        for (int epoch = startEpoch; epoch < MaxEpochs && !run.StopRequested; epoch++)
        {
            var epochWatch = Stopwatch.StartNew();
            var epochStart = Context(run, epoch, 0, train.Count, double.NaN, NoMetrics, false);
            foreach (var c in Callbacks)
                c.OnEpochStart(epochStart);

            var (trainLoss, lrUsed) = TrainEpoch(train, epoch, run, cancellationToken);
            var metrics = RunValidation(validation, epoch);
            if (Scheduler is not null && SchedulerInterval == SchedulerInterval.Epoch)
            {
                Scheduler.Step();
                run.SchedulerSteps++;
            }
            var record = new EpochRecord(epoch, trainLoss, metrics, lrUsed, epochWatch.Elapsed.TotalSeconds, run.Step);
            run.History.Add(record);
            bool isBest = UpdateBest(record, run);
            if (isBest && RestoreBestWeights)
                run.BestWeights = Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Detach().Clone());
            if (EarlyStopping is not null && EarlyStopping.Update(Monitored(record, EarlyStopping.Monitor)))
                run.StopRequested = true;

            var end = Context(run, epoch, train.Count, train.Count, trainLoss, metrics, isBest);
            foreach (var c in Callbacks)
                c.OnEpochEnd(end);
            if (Checkpoints is not null)
                SaveCheckpoints(record, isBest, train, validation, run);
            Report(run, TrainingEvent.EpochEnd, epoch, train.Count, train.Count, trainLoss, trainLoss, metrics);
            lastEpoch = epoch;
            lastMetrics = metrics;
            lastLoss = trainLoss;
        }

        run.History.StoppedEarly = run.StopRequested && lastEpoch < MaxEpochs - 1;
        if (RestoreBestWeights)
            RestoreBest(run);
        var final = Context(run, Math.Max(lastEpoch, 0), train.Count, train.Count, lastLoss, lastMetrics, false);
        foreach (var c in Callbacks)
            c.OnTrainEnd(final);
        Report(
            run,
            TrainingEvent.Ended,
            Math.Max(lastEpoch, 0),
            train.Count,
            train.Count,
            lastLoss,
            lastLoss,
            lastMetrics
        );
        return run.History;
    }

    private void RestoreBest(RunState run)
    {
        if (run.BestWeights is not null)
            Model.LoadStateDict(run.BestWeights);
        else if (run.BestEpoch is not null && Checkpoints is { Monitor: not null } c && File.Exists(c.BestPath))
            TrainingCheckpoint.LoadModel(c.BestPath, Model);
    }

    private void CheckConfiguration(IDataLoader<TBatch> train, IDataLoader<TBatch>? validation)
    {
        if (RestoreBestWeights && BestMonitor is null)
            throw new InvalidOperationException(
                "RestoreBestWeights needs a monitored metric: set EarlyStopping, or Checkpoints with a Monitor."
            );
        if (MaxEpochs < 1)
            throw new InvalidOperationException($"MaxEpochs must be at least 1, got {MaxEpochs}.");
        if (train.Count == 0)
            throw new ArgumentException(
                "The training loader has no batches (an empty dataset, or dropLast with fewer samples than one batch).",
                nameof(train)
            );
        if (ValidationStep is not null && Validate is not null)
            throw new InvalidOperationException("Set either ValidationStep or Validate, not both.");
        bool validates = ValidationStep is not null || Validate is not null;
        if (validates && validation is null)
            throw new ArgumentException(
                "ValidationStep or Validate is set, so Fit needs a validation loader.",
                nameof(validation)
            );
        if (!validates && validation is not null)
            throw new ArgumentException(
                "A validation loader was given but neither ValidationStep nor Validate is set.",
                nameof(validation)
            );
    }

    private (double Loss, double LearningRate) TrainEpoch(
        IDataLoader<TBatch> train,
        int epoch,
        RunState run,
        CancellationToken cancellationToken
    )
    {
        Model.Train();
        train.Epoch = epoch;
        double lossSum = 0,
            lrUsed = Optimizer.LearningRate;
        long samples = 0;
        int done = 0;
        foreach (var batch in train.Batches())
        {
            cancellationToken.ThrowIfCancellationRequested();
            lrUsed = Optimizer.LearningRate;
            double value = OptimizationStep.Run(
                Optimizer,
                TrainingStep,
                batch.Value,
                ClipGradients,
                $"epoch {epoch}, batch {batch.Index}"
            );
            run.Step++;
            if (Scheduler is not null && SchedulerInterval == SchedulerInterval.Step)
            {
                Scheduler.Step();
                run.SchedulerSteps++;
            }
            lossSum += value * batch.Size;
            samples += batch.Size;
            done++;
            double epochLoss = lossSum / samples;
            var context = Context(run, epoch, done, train.Count, value, NoMetrics, false);
            foreach (var c in Callbacks)
                c.OnBatchEnd(context);
            Report(run, TrainingEvent.BatchEnd, epoch, done, train.Count, value, epochLoss, NoMetrics);
        }
        return (samples > 0 ? lossSum / samples : double.NaN, lrUsed);
    }

    private IReadOnlyDictionary<string, double> RunValidation(IDataLoader<TBatch>? validation, int epoch)
    {
        if (validation is null)
            return NoMetrics;
        validation.Epoch = epoch;
        Dictionary<string, double> metrics;
        Model.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            metrics = Validate is not null
                ? new Dictionary<string, double>(Validate(validation))
                : WeightedMeans(validation, epoch);
        }
        finally
        {
            Model.Train();
        }
        if (metrics.ContainsKey(EpochRecord.TrainLossName))
            throw new InvalidOperationException(
                $"Validation returned a metric named '{EpochRecord.TrainLossName}', which is reserved for the "
                    + "training loss."
            );
        return metrics;
    }

    private Dictionary<string, double> WeightedMeans(IDataLoader<TBatch> validation, int epoch)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        List<string>? names = null;
        long total = 0;
        foreach (var batch in validation.Batches())
        {
            IReadOnlyDictionary<string, double> m;
            using (DisposeScope.Enter())
                m = ValidationStep!(batch.Value);
            if (names is null)
                names = [.. m.Keys];
            else if (m.Count != names.Count || names.Any(n => !m.ContainsKey(n)))
                throw new InvalidOperationException(
                    $"Validation batch {batch.Index} of epoch {epoch} reported metrics "
                        + $"[{string.Join(", ", m.Keys)}] but batch 0 reported [{string.Join(", ", names)}]; every "
                        + "batch must report the same metrics."
                );
            foreach (var (k, v) in m)
                sums[k] = sums.GetValueOrDefault(k) + v * batch.Size;
            total += batch.Size;
        }
        if (names is null)
            throw new InvalidOperationException($"The validation loader produced no batches in epoch {epoch}.");
        return names.ToDictionary(n => n, n => sums[n] / total, StringComparer.Ordinal);
    }

    private (string Name, MetricMode Mode)? BestMonitor =>
        Checkpoints?.Monitor is { } m ? (m, Checkpoints.Mode)
        : EarlyStopping is { } e ? (e.Monitor, e.Mode)
        : null;

    private bool UpdateBest(EpochRecord record, RunState run)
    {
        if (BestMonitor is not { } monitor)
            return false;
        double value = Monitored(record, monitor.Name);
        bool better =
            !double.IsNaN(value)
            && (run.BestValue is not { } best || (monitor.Mode == MetricMode.Min ? value < best : value > best));
        if (!better)
            return false;
        run.BestValue = value;
        run.BestEpoch = record.Epoch;
        run.History.BestEpoch = record.Epoch;
        return true;
    }

    private static double Monitored(EpochRecord record, string name) =>
        record.Get(name)
        ?? throw new InvalidOperationException(
            $"The monitored metric '{name}' is not among epoch {record.Epoch}'s metrics "
                + $"[{string.Join(", ", new[] { EpochRecord.TrainLossName }.Concat(record.Metrics.Keys))}]."
        );

    private void SaveCheckpoints(
        EpochRecord record,
        bool isBest,
        IDataLoader<TBatch> train,
        IDataLoader<TBatch>? validation,
        RunState run
    )
    {
        var options = Checkpoints!;
        if (!options.SaveLast && (options.Monitor is null || !isBest))
            return;
        var metrics = new Dictionary<string, double>(record.Metrics, StringComparer.Ordinal)
        {
            [EpochRecord.TrainLossName] = record.TrainLoss,
        };
        var state = new CheckpointState
        {
            Epoch = record.Epoch,
            Step = run.Step,
            SchedulerSteps = run.SchedulerSteps,
            ElapsedSeconds = run.Elapsed.TotalSeconds,
            Metrics = metrics,
            LearningRates = [.. Optimizer.ParamGroups.Select(g => g.LearningRate)],
            TrainShuffleSeed = train.ShuffleSeed,
            ValidationShuffleSeed = validation?.ShuffleSeed,
            BestMonitor = BestMonitor?.Name,
            BestValue = run.BestValue,
            BestEpoch = run.BestEpoch,
            EarlyStoppingMonitor = EarlyStopping?.Monitor,
            EarlyStoppingBest = EarlyStopping?.Best,
            EarlyStoppingWait = EarlyStopping?.Wait ?? 0,
            StopRequested = run.StopRequested,
            History = [.. run.History.Epochs],
        };
        if (isBest && options.Monitor is not null)
            TrainingCheckpoint.Save(options.BestPath, Model, Optimizer, state, options.Metadata);
        if (options.SaveLast)
            TrainingCheckpoint.Save(options.LastPath, Model, Optimizer, state, options.Metadata);
    }

    private int Restore(string path, IDataLoader<TBatch> train, IDataLoader<TBatch>? validation, RunState run)
    {
        var checkpoint = TrainingCheckpoint.Load(path);
        var s = checkpoint.State;
        Model.LoadStateDict(checkpoint.ModelState);
        Optimizer.LoadStateDict(checkpoint.OptimizerState);
        if (Scheduler is not null)
            for (long i = 0; i < s.SchedulerSteps; i++)
                Scheduler.Step(); // schedules are functions of their step count
        var groups = Optimizer.ParamGroups;
        if (s.LearningRates.Count != groups.Count)
            throw new InvalidOperationException(
                $"Checkpoint '{path}' has {s.LearningRates.Count} parameter group(s) but the optimizer has "
                    + $"{groups.Count}."
            );
        for (int i = 0; i < groups.Count; i++)
            groups[i].LearningRate = s.LearningRates[i];
        if (s.TrainShuffleSeed is { } trainSeed && train.ShuffleSeed is not null)
            train.ShuffleSeed = trainSeed;
        if (s.ValidationShuffleSeed is { } valSeed && validation?.ShuffleSeed is not null)
            validation.ShuffleSeed = valSeed;
        run.Step = s.Step;
        run.SchedulerSteps = s.SchedulerSteps;
        run.ElapsedOffset = TimeSpan.FromSeconds(s.ElapsedSeconds);
        run.StopRequested = s.StopRequested;
        if (BestMonitor?.Name == s.BestMonitor)
        {
            run.BestValue = s.BestValue;
            run.BestEpoch = s.BestEpoch;
        }
        run.History = new TrainingHistory(s.History) { BestEpoch = run.BestEpoch };
        if (EarlyStopping is not null && EarlyStopping.Monitor == s.EarlyStoppingMonitor)
            EarlyStopping.Restore(s.EarlyStoppingBest, s.EarlyStoppingWait);
        return s.Epoch + 1;
    }

    private TrainingContext Context(
        RunState run,
        int epoch,
        int batch,
        int batches,
        double loss,
        IReadOnlyDictionary<string, double> metrics,
        bool isBest
    ) =>
        new(() => run.StopRequested = true)
        {
            Epoch = epoch,
            MaxEpochs = MaxEpochs,
            Batch = batch,
            BatchesPerEpoch = batches,
            Step = run.Step,
            Loss = loss,
            LearningRate = Optimizer.LearningRate,
            Metrics = metrics,
            IsBest = isBest,
            Elapsed = run.Elapsed,
            History = run.History,
        };

    private void Report(
        RunState run,
        TrainingEvent kind,
        int epoch,
        int batch,
        int batches,
        double loss,
        double epochLoss,
        IReadOnlyDictionary<string, double> metrics
    ) =>
        Progress?.Report(
            new TrainingProgress(
                kind,
                epoch,
                MaxEpochs,
                batch,
                batches,
                run.Step,
                loss,
                epochLoss,
                Optimizer.LearningRate,
                metrics,
                run.Elapsed
            )
        );
}
