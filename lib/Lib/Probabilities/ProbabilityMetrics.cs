namespace Lib.Probabilities;

/// <summary>
/// How good predicted probabilities of a binary outcome are: the count, the Brier score (mean squared error of the
/// probability), the log loss (probabilities clipped to [ε, 1 − ε],
/// ε = <see cref="ProbabilityScores.LogLossEpsilon"/>, as scikit-learn's <c>log_loss</c>), the expected calibration
/// error over equal-width bins (<see cref="ReliabilityDiagram"/>), the area under the ROC curve
/// (<see cref="RocCurve"/>) and the average precision (<see cref="PrecisionRecallCurve"/>). Empty input gives a
/// count of 0 and NaN for the rest; the two ranking scores are NaN when only one class is present.
/// </summary>
public sealed record ProbabilityMetrics(
    int Count,
    double Brier,
    double LogLoss,
    double Ece,
    double RocAuc,
    double AveragePrecision
)
{
    /// <summary>
    /// All the metrics of <paramref name="probabilities"/> (of the positive class) against the labels.
    /// </summary>
    /// <param name="probabilities">P(positive) per sample, each in [0, 1].</param>
    /// <param name="labels">The outcomes: true = positive.</param>
    /// <param name="bins">The number of equal-width bins of the calibration error.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a probability is outside [0, 1].</exception>
    public static ProbabilityMetrics Compute(
        IReadOnlyList<double> probabilities,
        IReadOnlyList<bool> labels,
        int bins = 10
    )
    {
        BinaryInputs.SameLength(probabilities, labels, "probabilities");
        BinaryInputs.Probabilities(probabilities, nameof(probabilities));
        if (labels.Count == 0)
            return new ProbabilityMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        return new ProbabilityMetrics(
            labels.Count,
            ProbabilityScores.Brier(probabilities, labels),
            ProbabilityScores.LogLoss(probabilities, labels),
            ReliabilityDiagram.Compute(probabilities, labels, bins).Ece,
            RocCurve.Compute(probabilities, labels).Auc,
            PrecisionRecallCurve.Compute(probabilities, labels).AveragePrecision
        );
    }
}
