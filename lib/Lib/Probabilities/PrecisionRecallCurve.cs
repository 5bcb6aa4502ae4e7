namespace Lib.Probabilities;

/// <summary>
/// Precision and recall at every distinct score as a threshold, from the highest threshold down, after a first point
/// (recall 0, precision 1), and the average precision as scikit-learn defines it: AP = Σ_k (R_k − R_{k−1}) P_k, the
/// precision at each threshold weighted by the recall it adds (a step function, not a trapezoid). Recall and AP are
/// NaN when there is no positive.
/// </summary>
public sealed record PrecisionRecallCurve(
    IReadOnlyList<double> Precision,
    IReadOnlyList<double> Recall,
    IReadOnlyList<double> Thresholds,
    double AveragePrecision
)
{
    /// <summary>The curve of <paramref name="scores"/> (any finite numbers) against the labels.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a score is not finite.</exception>
    public static PrecisionRecallCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var counts = ThresholdCounts.Of(scores, labels);
        int n = counts.Thresholds.Length;
        double positives = n == 0 ? 0 : counts.TruePositives[n - 1];
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new double[n + 1];
        precision[0] = 1;
        recall[0] = positives > 0 ? 0 : double.NaN;
        thresholds[0] = double.PositiveInfinity;
        double ap = 0;
        for (int k = 0; k < n; k++)
        {
            int tp = counts.TruePositives[k];
            thresholds[k + 1] = counts.Thresholds[k];
            precision[k + 1] = (double)tp / (tp + counts.FalsePositives[k]);
            recall[k + 1] = tp / positives;
            ap += (recall[k + 1] - recall[k]) * precision[k + 1];
        }
        return new PrecisionRecallCurve(precision, recall, thresholds, positives > 0 ? ap : double.NaN);
    }
}
