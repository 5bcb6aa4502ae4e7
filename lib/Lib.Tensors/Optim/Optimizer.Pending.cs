namespace Lib.Tensors.Optim;

// API declared ahead of its implementation (being written in parallel); this file disappears when
// the optimizers land (one file each: ParamGroup.cs, Optimizer.cs, SGD.cs, Adam.cs, AdamW.cs, ...).

/// <summary>A set of parameters sharing hyper-parameters (PyTorch's param group dicts).</summary>
public sealed class ParamGroup(IEnumerable<Tensor> parameters)
{
    /// <summary>The group's parameters.</summary>
    public IReadOnlyList<Tensor> Parameters { get; } = [.. parameters];
    /// <summary>Learning rate; null takes the optimizer's default. Schedulers write it.</summary>
    public double? LearningRate { get; set; }
    /// <summary>Weight decay; null takes the optimizer's default.</summary>
    public double? WeightDecay { get; set; }
}

/// <summary>The base of every optimizer (<c>torch.optim.Optimizer</c>).</summary>
public abstract class Optimizer
{
    /// <summary>The groups, each with resolved learning rate and weight decay.</summary>
    public abstract IReadOnlyList<ParamGroup> ParamGroups { get; }
    /// <summary>Updates every parameter from its gradient (parameters without one are skipped).</summary>
    public abstract void Step();
    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGrad() { foreach (var g in ParamGroups) foreach (var p in g.Parameters) p.Grad = null; }
    /// <summary>The learning rate of the first group (what schedulers and progress show).</summary>
    public double LearningRate => ParamGroups[0].LearningRate ?? 0;
    /// <summary>Per-parameter state (moments, step counts) by "group.index.name", for checkpoints.</summary>
    public abstract Dictionary<string, Tensor> StateDict();
    /// <summary>Restores state saved by <see cref="StateDict"/>; errors name a missing or mis-shaped entry.</summary>
    public abstract void LoadStateDict(IReadOnlyDictionary<string, Tensor> state);
}

/// <summary>The base of learning-rate schedules (<c>torch.optim.lr_scheduler</c>): call <see cref="Step"/> after each optimizer step (or epoch).</summary>
public abstract class LRScheduler
{
    /// <summary>Advances the schedule and writes the new learning rate into the optimizer's groups.</summary>
    public abstract void Step();
    /// <summary>The learning rate of each group as last set.</summary>
    public abstract IReadOnlyList<double> LastLearningRates { get; }
}
