namespace Lib.Tensors.Optim;

/// <summary>
/// The base of learning-rate schedules (<c>torch.optim.lr_scheduler</c>), with PyTorch's convention:
/// building a schedule sets the learning rate of step 0; call <see cref="Step"/> once after each
/// optimizer step (or epoch) to move to the next. The schedules here are closed forms of the step
/// count over each group's base rate (its <see cref="ParamGroup.InitialLearningRate"/>).
/// </summary>
public abstract class LRScheduler
{
    private readonly double[] _last;

    /// <summary>Records each group's base rate; the derived constructor calls <see cref="Start"/> last.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        foreach (var group in optimizer.ParamGroups)
            group.InitialLearningRate ??= group.LearningRate
                ?? throw new ArgumentException("A parameter group has no learning rate.", nameof(optimizer));
        BaseLearningRates = [.. optimizer.ParamGroups.Select(g => g.InitialLearningRate!.Value)];
        _last = new double[optimizer.ParamGroups.Count];
    }

    /// <summary>The optimizer whose learning rates are set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Each group's rate before the schedule (PyTorch's <c>base_lrs</c>).</summary>
    public IReadOnlyList<double> BaseLearningRates { get; protected set; }

    /// <summary>The number of <see cref="Step"/> calls so far (PyTorch's <c>last_epoch</c>; 0 right after
    /// construction).</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The learning rate of each group as last set.</summary>
    public IReadOnlyList<double> LastLearningRates => _last;

    /// <summary>Advances the schedule and writes the new learning rate into the optimizer's groups.</summary>
    public virtual void Step()
    {
        LastEpoch++;
        Apply(LastEpoch);
    }

    /// <summary>The rate of group <paramref name="group"/> at step <paramref name="step"/>.</summary>
    protected abstract double LearningRateAt(int group, int step);

    /// <summary>Writes the rates of step <paramref name="step"/> into the groups (override to set more, as OneCycleLR
    /// sets momentum).</summary>
    protected virtual void Apply(int step)
    {
        for (int g = 0; g < _last.Length; g++)
            Optimizer.ParamGroups[g].LearningRate = _last[g] = LearningRateAt(g, step);
    }

    /// <summary>Sets the rates of step 0; derived constructors call it once their own fields are set.</summary>
    protected void Start() => Apply(0);
}
