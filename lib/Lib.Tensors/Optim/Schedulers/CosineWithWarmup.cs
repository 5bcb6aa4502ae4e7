namespace Lib.Tensors.Optim.Schedulers;

/// <summary>
/// Linear warm-up then cosine decay (HuggingFace's <c>get_cosine_schedule_with_warmup</c>, a
/// <see cref="LambdaLR"/>): see <see cref="Factor"/>. The rate is 0 at step 0, the base rate at the
/// end of warm-up, and 0 again at <c>numTrainingSteps</c> with the default half cycle.
/// </summary>
public sealed class CosineWithWarmup : LambdaLR
{
    /// <summary>Builds the schedule and sets the rate of step 0.</summary>
    /// <param name="optimizer">The optimizer to drive.</param>
    /// <param name="numWarmupSteps">Steps of linear warm-up from 0.</param>
    /// <param name="numTrainingSteps">The total number of steps.</param>
    /// <param name="numCycles">Cosine periods over the decay (0.5: from the maximum down to 0).</param>
    public CosineWithWarmup(Optimizer optimizer, int numWarmupSteps, int numTrainingSteps, double numCycles = 0.5)
        : base(optimizer, Checked(numWarmupSteps, numTrainingSteps, numCycles))
    {
        NumWarmupSteps = numWarmupSteps;
        NumTrainingSteps = numTrainingSteps;
        NumCycles = numCycles;
    }

    /// <summary>Steps of warm-up.</summary>
    public int NumWarmupSteps { get; }

    /// <summary>The total number of steps.</summary>
    public int NumTrainingSteps { get; }

    /// <summary>Cosine periods over the decay.</summary>
    public double NumCycles { get; }

    /// <summary>
    /// The factor at <paramref name="step"/>: step / max(1, warmup) during warm-up, then
    /// max(0, ½ · (1 + cos(π · 2 · numCycles · progress))) with progress = (step − warmup) / max(1, total − warmup).
    /// </summary>
    public static double Factor(int step, int numWarmupSteps, int numTrainingSteps, double numCycles = 0.5)
    {
        if (step < numWarmupSteps)
            return (double)step / Math.Max(1, numWarmupSteps);
        double progress = (double)(step - numWarmupSteps) / Math.Max(1, numTrainingSteps - numWarmupSteps);
        return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * numCycles * 2.0 * progress)));
    }

    private static Func<int, double> Checked(int numWarmupSteps, int numTrainingSteps, double numCycles)
    {
        if (numWarmupSteps < 0)
            throw new ArgumentOutOfRangeException(
                nameof(numWarmupSteps),
                $"numWarmupSteps must be >= 0, got {numWarmupSteps}."
            );
        if (numTrainingSteps < numWarmupSteps)
            throw new ArgumentOutOfRangeException(
                nameof(numTrainingSteps),
                $"numTrainingSteps ({numTrainingSteps}) must be at least numWarmupSteps ({numWarmupSteps})."
            );
        return step => Factor(step, numWarmupSteps, numTrainingSteps, numCycles);
    }
}
