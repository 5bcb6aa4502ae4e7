using Lib.Probabilities;

namespace Lib.Football.Evaluate;

/// <summary>
/// The coverage head on the labelled samples (pass plays whose pass arrives): accuracy at 0.5, Brier, log loss and ROC
/// AUC (<see cref="ProbabilityMetrics"/>), beside the base-rate forecast (the training share of tight windows for every
/// sample) and its accuracy and Brier.
/// </summary>
public sealed record CoverageScore(
    int Count,
    double PositiveRate,
    double Accuracy,
    ProbabilityMetrics Model,
    double BaseRate,
    double BaseAccuracy,
    double BaseBrier
)
{
    /// <summary>Scores <paramref name="probabilities"/> against <paramref name="labels"/>, with the base rate
    /// <paramref name="baseRate"/>.</summary>
    public static CoverageScore Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double baseRate)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var metrics = ProbabilityMetrics.Compute(probabilities, labels);
        int n = labels.Count;
        double Share(Func<int, bool> f) => n == 0 ? double.NaN : Enumerable.Range(0, n).Count(f) / (double)n;
        return new CoverageScore(
            n,
            Share(i => labels[i]),
            Share(i => probabilities[i] >= 0.5 == labels[i]),
            metrics,
            baseRate,
            Share(i => baseRate >= 0.5 == labels[i]),
            ProbabilityScores.Brier([.. Enumerable.Repeat(baseRate, n)], labels)
        );
    }
}
