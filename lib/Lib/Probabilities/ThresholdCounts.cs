namespace Lib.Probabilities;

/// <summary>
/// The counts behind ROC and precision-recall curves, as scikit-learn's <c>_binary_clf_curve</c>: scores sorted
/// from high to low, and at each distinct score (a threshold: predict positive when score ≥ it) the true and false
/// positives so far. Ties are one threshold.
/// </summary>
internal sealed record ThresholdCounts(double[] Thresholds, int[] TruePositives, int[] FalsePositives)
{
    public static ThresholdCounts Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        BinaryInputs.SameLength(scores, labels, "scores");
        BinaryInputs.Finite(scores, "Score", nameof(scores));
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var thresholds = new List<double>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0,
            fp = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (labels[order[k]])
                tp++;
            else
                fp++;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                thresholds.Add(scores[order[k]]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }
        return new ThresholdCounts([.. thresholds], [.. tps], [.. fps]);
    }
}
