namespace Lib.Tensors.Optim.Schedulers;

/// <summary>
/// The 1cycle policy (<c>OneCycleLR</c>, PyTorch 1.13 semantics), stepped once per batch for
/// <c>totalSteps</c> steps. The rate rises from max_lr / divFactor to max_lr over the first
/// pctStart of the steps (phase 1 ends at step pctStart · total − 1, a fraction), then falls to
/// (max_lr / divFactor) / finalDivFactor at step total − 1; with <c>threePhase</c> it first returns
/// to the initial rate (at 2 · pctStart · total − 2) and then falls. Within a phase [a, b], pct = (step − a) / (b − a)
/// and "cos" anneals start → end as end + (start − end) / 2 · (cos(π · pct) + 1); "linear" as start + (end − start) ·
/// pct.
/// With <c>cycleMomentum</c>, SGD's momentum (or Adam's beta1) moves the opposite way between
/// maxMomentum and baseMomentum. The optimizer's own rate and momentum are overwritten.
/// </summary>
public sealed class OneCycleLR : LRScheduler
{
    private readonly (
        double EndStep,
        Func<Limits, double> StartLr,
        Func<Limits, double> EndLr,
        bool MomentumFromMax,
        bool MomentumToMax
    )[] _phases;
    private readonly Limits[] _limits;

    private readonly record struct Limits(
        double Initial,
        double Max,
        double Min,
        double BaseMomentum,
        double MaxMomentum
    );

    /// <summary>One maximum rate for every group.</summary>
    public OneCycleLR(
        Optimizer optimizer,
        double maxLr,
        int totalSteps,
        double pctStart = 0.3,
        string annealStrategy = "cos",
        bool cycleMomentum = true,
        double baseMomentum = 0.85,
        double maxMomentum = 0.95,
        double divFactor = 25,
        double finalDivFactor = 1e4,
        bool threePhase = false
    )
        : this(
            optimizer,
            [.. Enumerable.Repeat(maxLr, optimizer?.ParamGroups.Count ?? 0)],
            totalSteps,
            pctStart,
            annealStrategy,
            cycleMomentum,
            baseMomentum,
            maxMomentum,
            divFactor,
            finalDivFactor,
            threePhase
        ) { }

    /// <summary>One maximum rate per group, in group order.</summary>
    /// <param name="optimizer">The optimizer to drive.</param>
    /// <param name="maxLr">The peak rate of each group.</param>
    /// <param name="totalSteps">The number of steps in the cycle (Step may be called this many times).</param>
    /// <param name="pctStart">The fraction of the cycle spent increasing the rate.</param>
    /// <param name="annealStrategy">"cos" or "linear".</param>
    /// <param name="cycleMomentum">Cycle SGD's momentum or Adam's beta1 inversely to the rate.</param>
    /// <param name="baseMomentum">The lowest momentum (at the peak rate).</param>
    /// <param name="maxMomentum">The highest momentum (at the start and the end).</param>
    /// <param name="divFactor">initial rate = max_lr / divFactor.</param>
    /// <param name="finalDivFactor">final rate = initial rate / finalDivFactor.</param>
    /// <param name="threePhase">Use the three-phase schedule of fast.ai.</param>
    public OneCycleLR(
        Optimizer optimizer,
        IReadOnlyList<double> maxLr,
        int totalSteps,
        double pctStart = 0.3,
        string annealStrategy = "cos",
        bool cycleMomentum = true,
        double baseMomentum = 0.85,
        double maxMomentum = 0.95,
        double divFactor = 25,
        double finalDivFactor = 1e4,
        bool threePhase = false
    )
        : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(maxLr);
        if (totalSteps <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(totalSteps),
                $"Expected a positive integer totalSteps, but got {totalSteps}."
            );
        if (!(pctStart >= 0 && pctStart <= 1))
            throw new ArgumentOutOfRangeException(
                nameof(pctStart),
                $"Expected a float between 0 and 1 for pctStart, but got {pctStart}."
            );
        if (annealStrategy is not ("cos" or "linear"))
            throw new ArgumentException(
                $"annealStrategy must be \"cos\" or \"linear\", got \"{annealStrategy}\".",
                nameof(annealStrategy)
            );
        if (maxLr.Count != optimizer.ParamGroups.Count)
            throw new ArgumentException(
                $"Expected {optimizer.ParamGroups.Count} values for maxLr (one per parameter group), got "
                    + $"{maxLr.Count}.",
                nameof(maxLr)
            );
        TotalSteps = totalSteps;
        AnnealStrategy = annealStrategy;
        CycleMomentum = cycleMomentum;
        _phases = threePhase
            ?
            [
                (pctStart * totalSteps - 1, l => l.Initial, l => l.Max, true, false),
                (2 * pctStart * totalSteps - 2, l => l.Max, l => l.Initial, false, true),
                (totalSteps - 1, l => l.Initial, l => l.Min, true, true),
            ]
            :
            [
                (pctStart * totalSteps - 1, l => l.Initial, l => l.Max, true, false),
                (totalSteps - 1, l => l.Max, l => l.Min, false, true),
            ];
        _limits = new Limits[maxLr.Count];
        for (int g = 0; g < _limits.Length; g++)
        {
            var group = optimizer.ParamGroups[g];
            double initial = maxLr[g] / divFactor;
            _limits[g] = new Limits(initial, maxLr[g], initial / finalDivFactor, baseMomentum, maxMomentum);
            group.InitialLearningRate = initial;
            if (!cycleMomentum)
                continue;
            if (group.Betas is null && group.Momentum is null)
                throw new ArgumentException(
                    $"The optimizer ({optimizer.GetType().Name}) must support momentum (SGD's momentum or "
                        + "Adam's betas) with cycleMomentum enabled.",
                    nameof(cycleMomentum)
                );
            SetMomentum(group, maxMomentum);
        }
        BaseLearningRates = [.. _limits.Select(l => l.Initial)];
        Start();
    }

    /// <summary>The number of steps in the cycle.</summary>
    public int TotalSteps { get; }

    /// <summary>"cos" or "linear".</summary>
    public string AnnealStrategy { get; }

    /// <summary>Whether momentum (or beta1) is cycled.</summary>
    public bool CycleMomentum { get; }

    /// <summary>Advances the schedule.</summary>
    /// <exception cref="InvalidOperationException">Stepping more than <see cref="TotalSteps"/> times.</exception>
    public override void Step()
    {
        if (LastEpoch + 1 > TotalSteps)
            throw new InvalidOperationException(
                $"Tried to step {LastEpoch + 1} times. The specified number of total steps is {TotalSteps}."
            );
        base.Step();
    }

    /// <inheritdoc/>
    protected override double LearningRateAt(int group, int step) => Evaluate(group, step).Lr;

    /// <inheritdoc/>
    protected override void Apply(int step)
    {
        base.Apply(step);
        if (!CycleMomentum)
            return;
        for (int g = 0; g < _limits.Length; g++)
            SetMomentum(Optimizer.ParamGroups[g], Evaluate(g, step).Momentum);
    }

    private (double Lr, double Momentum) Evaluate(int group, int step)
    {
        var limits = _limits[group];
        double start = 0;
        for (int i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            if (step <= phase.EndStep || i == _phases.Length - 1)
            {
                double pct = (step - start) / (phase.EndStep - start);
                double mStart = phase.MomentumFromMax ? limits.MaxMomentum : limits.BaseMomentum;
                double mEnd = phase.MomentumToMax ? limits.MaxMomentum : limits.BaseMomentum;
                return (Anneal(phase.StartLr(limits), phase.EndLr(limits), pct), Anneal(mStart, mEnd, pct));
            }
            start = phase.EndStep;
        }
        throw new InvalidOperationException("unreachable: the last phase always matches");
    }

    private double Anneal(double start, double end, double pct) =>
        AnnealStrategy == "cos"
            ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
            : (end - start) * pct + start;

    private static void SetMomentum(ParamGroup group, double momentum)
    {
        if (group.Betas is { } betas)
            group.Betas = (momentum, betas.Beta2);
        else
            group.Momentum = momentum;
    }
}
