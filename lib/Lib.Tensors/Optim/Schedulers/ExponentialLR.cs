namespace Lib.Tensors.Optim.Schedulers;

/// <summary>Decays each group's rate by <c>gamma</c> every step: lr = base · gamma^step
/// (<c>ExponentialLR</c>).</summary>
public sealed class ExponentialLR : LRScheduler
{
    /// <summary>Builds the schedule and sets the rate of step 0.</summary>
    public ExponentialLR(Optimizer optimizer, double gamma)
        : base(optimizer)
    {
        Gamma = gamma;
        Start();
    }

    /// <summary>The decay factor per step.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double LearningRateAt(int group, int step) => BaseLearningRates[group] * Math.Pow(Gamma, step);
}
