using Lib.Tensors.Autograd;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Training;

/// <summary>
/// A small Lightning-style training loop on the engine (the loop itself is <see cref="TrainerBase{TBatch}"/>,
/// shared with the TorchSharp twins' trainer). Each epoch: the model in training mode, for every batch
/// <c>ZeroGrad → loss = TrainingStep(batch) → Backward → ClipGradients → Step</c> (and the scheduler
/// when <see cref="SchedulerInterval.Step"/>); with <see cref="TrainerBase{TBatch}.AccumulateGradBatches"/> = N,
/// gradients of N batches (each loss scaled by 1/N) are summed before each optimizer step. Then validation in
/// evaluation mode under <see cref="GradMode.NoGrad"/>; then the epoch scheduler step, early stopping, callbacks and
/// checkpoints. Epochs count from 0. Metrics are named by the validation function; the training
/// loss is <c>train_loss</c> (the mean over the epoch weighted by batch size) and a step's auxiliary loss terms
/// (<see cref="TrainingStepOutput"/>) are <c>train_&lt;name&gt;</c>.
/// Each training step and each <see cref="TrainerBase{TBatch}.ValidationStep"/> call runs in a
/// <see cref="DisposeScope"/>, so a step reuses the arrays of the one before; a step that keeps a tensor beyond
/// itself must say so (<see cref="Tensor.DetachFromDisposeScope"/>).
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
public sealed class Trainer<TBatch> : TrainerBase<TBatch>
{
    /// <summary>A trainer of <paramref name="model"/> by <paramref name="optimizer"/>, with
    /// <paramref name="trainingStep"/> returning a batch's scalar loss.</summary>
    public Trainer(Module model, Optimizer optimizer, Func<TBatch, Tensor> trainingStep)
        : this(model, optimizer, Wrap(trainingStep)) { }

    /// <summary>A trainer whose <paramref name="trainingStep"/> returns a main loss and named auxiliary terms; their
    /// sum is optimised and each term is logged as <c>train_&lt;name&gt;</c>.</summary>
    public Trainer(Module model, Optimizer optimizer, Func<TBatch, TrainingStepOutput> trainingStep)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        TrainingStep = trainingStep ?? throw new ArgumentNullException(nameof(trainingStep));
    }

    private static Func<TBatch, TrainingStepOutput> Wrap(Func<TBatch, Tensor> step)
    {
        ArgumentNullException.ThrowIfNull(step, "trainingStep");
        return b => step(b);
    }

    /// <summary>The model (switched between training and evaluation mode).</summary>
    public Module Model { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Computes a batch's scalar loss (and any auxiliary terms) with the graph recorded.</summary>
    public Func<TBatch, TrainingStepOutput> TrainingStep { get; }

    /// <summary>An optional learning-rate schedule, stepped per <see cref="TrainerBase{TBatch}.SchedulerInterval"/>.
    /// </summary>
    public LRScheduler? Scheduler { get; set; }

    /// <summary>Called with the optimizer's parameters after backward and before each step, e.g. <c>ps =>
    /// ClipGrad.ClipGradNorm(ps, 1.0)</c>.</summary>
    public Action<IEnumerable<Tensor>>? ClipGradients { get; set; }

    /// <inheritdoc />
    protected override void SetTrainingMode(bool training)
    {
        if (training)
            Model.Train();
        else
            Model.Eval();
    }

    /// <inheritdoc />
    protected override double CurrentLearningRate => Optimizer.LearningRate;

    /// <inheritdoc />
    protected override IReadOnlyList<double?> GroupLearningRates() =>
        [.. Optimizer.ParamGroups.Select(g => g.LearningRate)];

    /// <inheritdoc />
    protected override void SetGroupLearningRates(IReadOnlyList<double?> rates)
    {
        var groups = Optimizer.ParamGroups;
        for (int i = 0; i < groups.Count; i++)
            groups[i].LearningRate = rates[i];
    }

    /// <inheritdoc />
    protected override bool HasScheduler => Scheduler is not null;

    /// <inheritdoc />
    protected override void StepScheduler() => Scheduler!.Step();

    /// <inheritdoc />
    protected override (double Loss, IReadOnlyDictionary<string, double> Auxiliary) TrainBatch(
        TBatch batch,
        int epoch,
        int index,
        bool zeroGrad,
        bool step,
        int accumulate
    )
    {
        using var _ = DisposeScope.Enter(); // the step's results go back to the pool for the next step
        if (zeroGrad)
            Optimizer.ZeroGrad();
        var output = TrainingStep(batch);
        var total = output.Total(epoch, index);
        double value = total.Item();
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in output.Auxiliary ?? new Dictionary<string, Tensor>())
            terms[name] = term.Item();
        (accumulate == 1 ? total : total * (1f / accumulate)).Backward();
        if (step)
        {
            ClipGradients?.Invoke(Optimizer.ParamGroups.SelectMany(g => g.Parameters));
            Optimizer.Step();
        }
        return (value, terms);
    }

    /// <inheritdoc />
    protected override IDisposable NoGradScope() => GradMode.NoGrad();

    /// <inheritdoc />
    protected override IDisposable BatchScope() => DisposeScope.Enter();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, Tensor> ModelState() => Model.StateDict();

    /// <inheritdoc />
    protected override Dictionary<string, Tensor> SnapshotModelState() =>
        Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Detach().Clone());

    /// <inheritdoc />
    protected override void LoadModelState(IReadOnlyDictionary<string, Tensor> state) => Model.LoadStateDict(state);

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, Tensor> OptimizerState() => Optimizer.StateDict();

    /// <inheritdoc />
    protected override void LoadOptimizerState(IReadOnlyDictionary<string, Tensor> state) =>
        Optimizer.LoadStateDict(state);
}
