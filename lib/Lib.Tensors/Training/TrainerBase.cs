using System.Diagnostics;
using Lib.Tensors.Data;

namespace Lib.Tensors.Training;

/// <summary>
/// The training loop shared by the engine's <see cref="Trainer{TBatch}"/> and other backends (the TorchSharp twins'
/// <c>Lib.Torch.TorchTrainer</c>): epochs, gradient accumulation, validation, early stopping, callbacks, progress,
/// best/top-k/last checkpoints in the engine's safetensors format, resume and restoring the best weights. A backend
/// supplies the model- and optimizer-specific steps through the protected members; model and optimizer state cross
/// that boundary as engine tensors keyed as PyTorch keys them, so a checkpoint written by one backend loads into the
/// other. <see cref="Trainer{TBatch}"/> documents the loop's semantics.
/// </summary>
public abstract class TrainerBase<TBatch>
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    /// <summary>
    /// Batches whose gradients are summed before each optimizer step (Lightning's <c>accumulate_grad_batches</c>):
    /// each batch's loss is scaled by 1/N for the backward pass, and the optimizer (with clipping and a per-step
    /// scheduler) steps after every N batches and after the epoch's last batch. Default 1.
    /// </summary>
    public int AccumulateGradBatches { get; set; } = 1;

    /// <summary>The numeric precision, as Lightning's <c>precision</c>; what a backend accepts is checked by
    /// <see cref="Fit"/> (the engine: only <c>"32"</c>, see <see cref="TrainingPrecision"/>).</summary>
    public string Precision { get; set; } = TrainingPrecision.Float32;

    /// <summary>The top-k checkpoints kept so far (<see cref="CheckpointOptions.SaveTopK"/>), best first.</summary>
    public IReadOnlyList<RankedCheckpoint> TopCheckpoints { get; private set; } = [];

    /// <summary>The number of epochs of the run (a resumed run continues up to it).</summary>
    public int MaxEpochs { get; set; } = 10;

    /// <summary>Metrics of one validation batch; the epoch's metrics are their means weighted by batch size.</summary>
    public Func<TBatch, IReadOnlyDictionary<string, double>>? ValidationStep { get; set; }

    /// <summary>Alternatively, metrics computed over the whole validation loader at once (AUC, calibration).</summary>
    public Func<IDataLoader<TBatch>, IReadOnlyDictionary<string, double>>? Validate { get; set; }

    /// <summary>When the scheduler steps: after each optimizer step (default) or each epoch.</summary>
    public SchedulerInterval SchedulerInterval { get; set; } = SchedulerInterval.Step;

    /// <summary>Optional early stopping on a monitored metric.</summary>
    public EarlyStopping? EarlyStopping { get; set; }

    /// <summary>Optional checkpoints (last, best and top-k).</summary>
    public CheckpointOptions? Checkpoints { get; set; }

    /// <summary>Callbacks, called in list order.</summary>
    public List<ITrainerCallback> Callbacks { get; } = [];

    /// <summary>Optional progress receiver.</summary>
    public ITrainingProgress? Progress { get; set; }

    /// <summary>
    /// When true, <see cref="Fit"/> ends with the weights of the best epoch (by <see cref="Checkpoints"/>' monitor,
    /// else <see cref="EarlyStopping"/>'s), as Keras' <c>restore_best_weights</c>: a copy is kept in memory at each
    /// new best, and a resumed run whose best epoch came before the resume reads
    /// <see cref="CheckpointOptions.BestPath"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set without a monitor (neither checkpoints with one nor early
    /// stopping).</exception>
    public bool RestoreBestWeights { get; set; }

    // ---- What a backend supplies ----

    /// <summary>Switches the model to training (true) or evaluation (false) mode.</summary>
    protected abstract void SetTrainingMode(bool training);

    /// <summary>The first parameter group's learning rate.</summary>
    protected abstract double CurrentLearningRate { get; }

    /// <summary>Every parameter group's learning rate, in group order.</summary>
    protected abstract IReadOnlyList<double?> GroupLearningRates();

    /// <summary>Sets every parameter group's learning rate (a resumed run's).</summary>
    protected abstract void SetGroupLearningRates(IReadOnlyList<double?> rates);

    /// <summary>Whether a learning-rate schedule is set.</summary>
    protected abstract bool HasScheduler { get; }

    /// <summary>Steps the learning-rate schedule once.</summary>
    protected abstract void StepScheduler();

    /// <summary>
    /// One training batch: zero the gradients when <paramref name="zeroGrad"/>, compute the loss (and auxiliary
    /// terms), back-propagate it scaled by 1/<paramref name="accumulate"/>, and when <paramref name="step"/> clip the
    /// gradients and step the optimizer. Returns the unscaled total loss and each auxiliary term's value by name.
    /// </summary>
    protected abstract (double Loss, IReadOnlyDictionary<string, double> Auxiliary) TrainBatch(
        TBatch batch,
        int epoch,
        int index,
        bool zeroGrad,
        bool step,
        int accumulate
    );

    /// <summary>Whether the last <see cref="TrainBatch"/> that was to step the optimizer skipped it (a loss scaler
    /// found inf or NaN gradients); such a step advances neither the step count nor the schedule.</summary>
    protected virtual bool StepSkipped => false;

    /// <summary>A scope in which validation runs without recording gradients.</summary>
    protected abstract IDisposable NoGradScope();

    /// <summary>A scope around one validation batch that releases its temporaries.</summary>
    protected abstract IDisposable BatchScope();

    /// <summary>The model's parameters and buffers as engine tensors (for a checkpoint).</summary>
    protected abstract IReadOnlyDictionary<string, Tensor> ModelState();

    /// <summary>A copy of the model's state that later steps do not change (for restoring the best weights).</summary>
    protected abstract Dictionary<string, Tensor> SnapshotModelState();

    /// <summary>Loads model state (strict about keys and shapes).</summary>
    protected abstract void LoadModelState(IReadOnlyDictionary<string, Tensor> state);

    /// <summary>The optimizer's state as engine tensors keyed <c>group.index.name</c>.</summary>
    protected abstract IReadOnlyDictionary<string, Tensor> OptimizerState();

    /// <summary>Restores optimizer state saved by <see cref="OptimizerState"/>.</summary>
    protected abstract void LoadOptimizerState(IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Throws when <see cref="Precision"/> is not one the backend trains in.</summary>
    protected virtual void CheckPrecision() => TrainingPrecision.Validate(Precision, nameof(Precision));

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
        public List<RankedCheckpoint> TopK = [];
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
        TopCheckpoints = [];
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

            var (trainLoss, lrUsed, auxiliary) = TrainEpoch(train, epoch, run, cancellationToken);
            var metrics = Merge(auxiliary, RunValidation(validation, epoch));
            if (HasScheduler && SchedulerInterval == SchedulerInterval.Epoch)
            {
                StepScheduler();
                run.SchedulerSteps++;
            }
            var record = new EpochRecord(epoch, trainLoss, metrics, lrUsed, epochWatch.Elapsed.TotalSeconds, run.Step);
            run.History.Add(record);
            bool isBest = UpdateBest(record, run);
            if (isBest && RestoreBestWeights)
                run.BestWeights = SnapshotModelState();
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
        run.History.TopCheckpoints = TopCheckpoints;
        return run.History;
    }

    private void RestoreBest(RunState run)
    {
        if (run.BestWeights is not null)
            LoadModelState(run.BestWeights);
        else if (run.BestEpoch is not null && Checkpoints is { Monitor: not null } c && File.Exists(c.BestPath))
            LoadModelState(TrainingCheckpoint.Load(c.BestPath).ModelState);
    }

    private static IReadOnlyDictionary<string, double> Merge(
        Dictionary<string, double> auxiliary,
        IReadOnlyDictionary<string, double> validation
    )
    {
        if (auxiliary.Count == 0)
            return validation;
        foreach (var (name, value) in validation)
            if (!auxiliary.TryAdd(name, value))
                throw new InvalidOperationException(
                    $"Validation returned a metric named '{name}', which is the name of an auxiliary training loss "
                        + "term."
                );
        return auxiliary;
    }

    private void CheckConfiguration(IDataLoader<TBatch> train, IDataLoader<TBatch>? validation)
    {
        CheckPrecision();
        if (AccumulateGradBatches < 1)
            throw new InvalidOperationException(
                $"AccumulateGradBatches must be at least 1, got {AccumulateGradBatches}."
            );
        if (Checkpoints is { SaveTopK: not 0 } c && (c.Monitor is null || c.SaveTopK < -1))
            throw new InvalidOperationException(
                $"CheckpointOptions.SaveTopK is {c.SaveTopK}: it must be -1 (every epoch), 0 or a positive k, and "
                    + "needs a Monitor."
            );
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

    private (double Loss, double LearningRate, Dictionary<string, double> Auxiliary) TrainEpoch(
        IDataLoader<TBatch> train,
        int epoch,
        RunState run,
        CancellationToken cancellationToken
    )
    {
        SetTrainingMode(true);
        train.Epoch = epoch;
        double lossSum = 0,
            lrUsed = CurrentLearningRate;
        long samples = 0;
        int done = 0,
            accumulate = AccumulateGradBatches;
        var auxiliary = new AuxiliaryMeans(epoch);
        foreach (var batch in train.Batches())
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool step = (done + 1) % accumulate == 0 || done + 1 == train.Count;
            if (step)
                lrUsed = CurrentLearningRate;
            var (value, terms) = TrainBatch(batch.Value, epoch, batch.Index, done % accumulate == 0, step, accumulate);
            auxiliary.Add(terms, batch.Index, batch.Size);
            if (step && !StepSkipped) // a skipped step (inf/NaN gradients) advances neither clock nor schedule
            {
                run.Step++;
                if (HasScheduler && SchedulerInterval == SchedulerInterval.Step)
                {
                    StepScheduler();
                    run.SchedulerSteps++;
                }
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
        return (samples > 0 ? lossSum / samples : double.NaN, lrUsed, auxiliary.Means());
    }

    private IReadOnlyDictionary<string, double> RunValidation(IDataLoader<TBatch>? validation, int epoch)
    {
        if (validation is null)
            return NoMetrics;
        validation.Epoch = epoch;
        Dictionary<string, double> metrics;
        SetTrainingMode(false);
        try
        {
            using var _ = NoGradScope();
            metrics = Validate is not null
                ? new Dictionary<string, double>(Validate(validation))
                : WeightedMeans(validation, epoch);
        }
        finally
        {
            SetTrainingMode(true);
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
            using (BatchScope())
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
        var (topK, evicted) = RankTopK(record, run.TopK);
        bool saveTopK = topK.Count > 0 && topK.Any(r => r.Epoch == record.Epoch);
        if (!options.SaveLast && !saveTopK && (options.Monitor is null || !isBest))
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
            LearningRates = [.. GroupLearningRates()],
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
            TopKMonitor = options.SaveTopK != 0 ? options.Monitor : null,
            TopK = [.. topK.Select(r => r with { Path = Path.GetFileName(r.Path) })],
        };
        var model = ModelState();
        var optimizer = OptimizerState();
        if (saveTopK)
            TrainingCheckpoint.Save(
                options.TopKPath(record.Epoch, topK.First(r => r.Epoch == record.Epoch).Value),
                model,
                optimizer,
                state,
                options.Metadata
            );
        run.TopK = topK;
        TopCheckpoints = topK;
        foreach (var gone in evicted) // after the better file is written: a crash never leaves fewer than k
            File.Delete(gone.Path);
        if (isBest && options.Monitor is not null)
            TrainingCheckpoint.Save(options.BestPath, model, optimizer, state, options.Metadata);
        if (options.SaveLast)
            TrainingCheckpoint.Save(options.LastPath, model, optimizer, state, options.Metadata);
    }

    /// <summary>The top-k list after <paramref name="record"/> (best first), and the entries it pushed out.</summary>
    private (List<RankedCheckpoint> Kept, List<RankedCheckpoint> Evicted) RankTopK(
        EpochRecord record,
        List<RankedCheckpoint> current
    )
    {
        var options = Checkpoints!;
        if (options.SaveTopK == 0 || options.Monitor is null)
            return (current, []);
        double value = Monitored(record, options.Monitor);
        if (double.IsNaN(value))
            return (current, []);
        var all = current
            .Append(new RankedCheckpoint(options.TopKPath(record.Epoch, value), record.Epoch, value))
            .OrderBy(r => options.Mode == MetricMode.Min ? r.Value : -r.Value)
            .ThenBy(r => r.Epoch) // on a tie the earlier epoch stays
            .ToList();
        if (options.SaveTopK < 0 || all.Count <= options.SaveTopK)
            return (all, []);
        return ([.. all.Take(options.SaveTopK)], [.. all.Skip(options.SaveTopK)]);
    }

    private int Restore(string path, IDataLoader<TBatch> train, IDataLoader<TBatch>? validation, RunState run)
    {
        var checkpoint = TrainingCheckpoint.Load(path);
        var s = checkpoint.State;
        LoadModelState(checkpoint.ModelState);
        LoadOptimizerState(checkpoint.OptimizerState);
        if (HasScheduler)
            for (long i = 0; i < s.SchedulerSteps; i++)
                StepScheduler(); // schedules are functions of their step count
        int groups = GroupLearningRates().Count;
        if (s.LearningRates.Count != groups)
            throw new InvalidOperationException(
                $"Checkpoint '{path}' has {s.LearningRates.Count} parameter group(s) but the optimizer has "
                    + $"{groups}."
            );
        SetGroupLearningRates(s.LearningRates);
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
        if (Checkpoints is { SaveTopK: not 0 } options && options.Monitor == s.TopKMonitor)
        {
            run.TopK = [.. s.TopK.Select(r => r with { Path = Path.Combine(options.Directory, r.Path) })];
            TopCheckpoints = run.TopK;
        }
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
            LearningRate = CurrentLearningRate,
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
                CurrentLearningRate,
                metrics,
                run.Elapsed
            )
        );
}
