using Lib.Probabilities;

namespace Lib.Paragliding.Evaluate;

/// <summary>One predictor at one threshold on the test weeks: samples, positives, Brier, log loss, ECE (10
/// equal-width bins), ROC AUC; and the predictor's share of adjacent threshold pairs that rise (p_{k+1} &gt; p_k),
/// the same on every row of a predictor.</summary>
public sealed record ThresholdMetrics(
    string Predictor,
    string Subset,
    int ThresholdKm,
    int Count,
    int Positives,
    double Brier,
    double LogLoss,
    double Ece,
    double RocAuc,
    double Violations
)
{
    /// <summary>The rows of one predictor, one per threshold.</summary>
    public static IReadOnlyList<ThresholdMetrics> Of(
        string predictor,
        string subset,
        IReadOnlyList<int> thresholds,
        IReadOnlyList<double[]> probabilities,
        IReadOnlyList<float[]> labels
    )
    {
        double violations = ViolationRate(probabilities);
        return
        [
            .. thresholds.Select(
                (t, k) =>
                {
                    var p = probabilities.Select(r => Math.Clamp(r[k], 0, 1)).ToArray();
                    var y = labels.Select(l => l[k] > 0.5f).ToArray();
                    var m = ProbabilityMetrics.Compute(p, y, 10);
                    return new ThresholdMetrics(
                        predictor,
                        subset,
                        t,
                        m.Count,
                        y.Count(v => v),
                        m.Brier,
                        m.LogLoss,
                        m.Ece,
                        m.RocAuc,
                        violations
                    );
                }
            ),
        ];
    }

    /// <summary>The share of adjacent pairs (k, k+1) over all rows where p_{k+1} &gt; p_k.</summary>
    public static double ViolationRate(IReadOnlyList<double[]> probabilities)
    {
        long pairs = 0,
            rising = 0;
        foreach (var row in probabilities)
            for (int k = 1; k < row.Length; k++, pairs++)
                if (row[k] > row[k - 1])
                    rising++;
        return pairs == 0 ? 0 : (double)rising / pairs;
    }
}
