namespace Lib.Tensors.Training;

/// <summary>
/// What a learning-rate range test (<see cref="LRFinder{TBatch}"/>) measured: the learning rate of each step, the
/// batch's loss, the smoothed loss, and the suggested learning rate (where the smoothed loss falls fastest against
/// log10 of the learning rate, fastai's <c>steep</c> suggestion).
/// </summary>
/// <param name="LearningRates">The learning rate used at each step, increasing exponentially.</param>
/// <param name="Losses">The loss of each step's batch.</param>
/// <param name="SmoothedLosses">The exponentially smoothed, bias-corrected losses (what the suggestion reads).</param>
/// <param name="SuggestedLearningRate">The learning rate at the steepest descent of the smoothed loss.</param>
/// <param name="MinimumLossLearningRate">The learning rate of the lowest smoothed loss.</param>
/// <param name="Diverged">Whether the test stopped early because the smoothed loss exceeded the divergence threshold
/// times the best smoothed loss (or was not finite).</param>
public sealed record LRFinderResult(
    IReadOnlyList<double> LearningRates,
    IReadOnlyList<double> Losses,
    IReadOnlyList<double> SmoothedLosses,
    double SuggestedLearningRate,
    double MinimumLossLearningRate,
    bool Diverged
);
