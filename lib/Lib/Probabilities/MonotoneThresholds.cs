namespace Lib.Probabilities;

/// <summary>
/// Makes multi-threshold outputs consistent: a model that gives, per sample, P(y &gt; t₁), P(y &gt; t₂), … for
/// increasing thresholds t₁ &lt; t₂ &lt; … must have P(&gt; t₁) ≥ P(&gt; t₂) ≥ …, which separate heads do not
/// guarantee. Each sample's row is fixed on its own; a row that is already monotone is returned unchanged.
/// </summary>
public static class MonotoneThresholds
{
    /// <summary>
    /// The running minimum along each row: q_j = min(p₁ … p_j). Keeps the first threshold's probability and only ever
    /// lowers the later ones.
    /// </summary>
    /// <exception cref="ArgumentException">Rows differ in width, or a value is outside [0, 1].</exception>
    public static double[][] CumulativeMin(IReadOnlyList<double[]> probabilities)
    {
        Check(probabilities);
        return probabilities
            .Select(row =>
            {
                var q = (double[])row.Clone();
                for (int j = 1; j < q.Length; j++)
                    q[j] = Math.Min(q[j], q[j - 1]);
                return q;
            })
            .ToArray();
    }

    /// <summary>
    /// The closest non-increasing row in least squares (isotonic regression across the thresholds,
    /// pool-adjacent-violators): a violating pair meets at its mean instead of the later one dropping.
    /// </summary>
    /// <exception cref="ArgumentException">Rows differ in width, or a value is outside [0, 1].</exception>
    public static double[][] Isotonic(IReadOnlyList<double[]> probabilities)
    {
        Check(probabilities);
        return probabilities.Select(row => PoolAdjacentViolators.Decreasing(row)).ToArray();
    }

    /// <summary>Whether every row is non-increasing.</summary>
    public static bool IsMonotone(IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return probabilities.All(row => row.Zip(row.Skip(1)).All(pair => pair.First >= pair.Second));
    }

    private static void Check(IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        int width = probabilities.Count == 0 ? 0 : probabilities[0]?.Length ?? 0;
        for (int i = 0; i < probabilities.Count; i++)
        {
            var row = probabilities[i];
            if (row is null || row.Length != width)
                throw new ArgumentException(
                    $"Sample {i} has {row?.Length ?? 0} thresholds: expected {width}, as sample 0.",
                    nameof(probabilities)
                );
            for (int j = 0; j < row.Length; j++)
                if (!(row[j] >= 0 && row[j] <= 1))
                    throw new ArgumentException(
                        $"Sample {i}, threshold {j}: probability {row[j]}, expected a value in [0, 1].",
                        nameof(probabilities)
                    );
        }
    }
}
