namespace Lib.Tensors.Optim.Schedulers;

/// <summary>Decays each group's rate by <c>gamma</c> every <c>stepSize</c> steps: lr = base · gamma^⌊step / stepSize⌋
/// (<c>StepLR</c>).</summary>
public sealed class StepLR : LRScheduler
{
    /// <summary>Builds the schedule and sets the rate of step 0.</summary>
    /// <param name="optimizer">The optimizer to drive.</param>
    /// <param name="stepSize">Steps between decays (at least 1).</param>
    /// <param name="gamma">The factor applied at each decay.</param>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1)
        : base(optimizer)
    {
        if (stepSize < 1)
            throw new ArgumentOutOfRangeException(nameof(stepSize), $"stepSize must be at least 1, got {stepSize}.");
        StepSize = stepSize;
        Gamma = gamma;
        Start();
    }

    /// <summary>Steps between decays.</summary>
    public int StepSize { get; }

    /// <summary>The decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double LearningRateAt(int group, int step) =>
        BaseLearningRates[group] * Math.Pow(Gamma, step / StepSize);
}
