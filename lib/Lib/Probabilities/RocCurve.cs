namespace Lib.Probabilities;

/// <summary>
/// The receiver operating characteristic: false and true positive rates at every distinct score as a threshold
/// (predict positive when score ≥ threshold), from (0, 0) at threshold +∞ to (1, 1), and the area under it by the
/// trapezoid rule, as scikit-learn's <c>roc_curve</c> (with <c>drop_intermediate=False</c>) and
/// <c>roc_auc_score</c>. The rates and the area are NaN when only one class is present.
/// </summary>
public sealed record RocCurve(
    IReadOnlyList<double> FalsePositiveRate,
    IReadOnlyList<double> TruePositiveRate,
    IReadOnlyList<double> Thresholds,
    double Auc
)
{
    /// <summary>
    /// The curve of <paramref name="scores"/> (any finite numbers: probabilities, logits) against the labels.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a score is not finite.</exception>
    public static RocCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var counts = ThresholdCounts.Of(scores, labels);
        int n = counts.Thresholds.Length;
        double positives = n == 0 ? 0 : counts.TruePositives[n - 1],
            negatives = n == 0 ? 0 : counts.FalsePositives[n - 1];
        var fpr = new double[n + 1];
        var tpr = new double[n + 1];
        var thresholds = new double[n + 1];
        thresholds[0] = double.PositiveInfinity;
        fpr[0] = negatives > 0 ? 0 : double.NaN;
        tpr[0] = positives > 0 ? 0 : double.NaN;
        double auc = 0;
        for (int k = 0; k < n; k++)
        {
            thresholds[k + 1] = counts.Thresholds[k];
            fpr[k + 1] = counts.FalsePositives[k] / negatives;
            tpr[k + 1] = counts.TruePositives[k] / positives;
            auc += (fpr[k + 1] - fpr[k]) * (tpr[k + 1] + tpr[k]) / 2;
        }
        return new RocCurve(fpr, tpr, thresholds, positives > 0 && negatives > 0 ? auc : double.NaN);
    }
}
