namespace Lib.Probabilities;

/// <summary>
/// Predicted probability against observed frequency in equal-width bins of [0, 1], and the expected calibration
/// error they give: ECE = Σ_b (n_b / n) |mean p_b − fraction positive_b|. A probability on a bin edge belongs to the
/// bin above it, as scikit-learn's <c>calibration_curve</c> bins; 1 is in the last bin. Empty input gives NaN.
/// </summary>
public sealed record ReliabilityDiagram(IReadOnlyList<ReliabilityBin> Bins, double Ece)
{
    /// <summary>
    /// The diagram of <paramref name="probabilities"/> against the labels in <paramref name="bins"/> bins.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length, a probability is outside [0, 1], or fewer than one bin.
    /// </exception>
    public static ReliabilityDiagram Compute(
        IReadOnlyList<double> probabilities,
        IReadOnlyList<bool> labels,
        int bins = 10
    )
    {
        BinaryInputs.SameLength(probabilities, labels, "probabilities");
        BinaryInputs.Probabilities(probabilities, nameof(probabilities));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var sumP = new double[bins];
        var positives = new int[bins];
        for (int i = 0; i < labels.Count; i++)
        {
            int b = BinOf(probabilities[i], bins);
            count[b]++;
            sumP[b] += probabilities[i];
            positives[b] += labels[i] ? 1 : 0;
        }
        var result = new ReliabilityBin[bins];
        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            double mean = count[b] == 0 ? double.NaN : sumP[b] / count[b];
            double fraction = count[b] == 0 ? double.NaN : (double)positives[b] / count[b];
            result[b] = new ReliabilityBin(Edge(b, bins), Edge(b + 1, bins), count[b], mean, fraction);
            if (count[b] > 0)
                ece += (double)count[b] / labels.Count * Math.Abs(mean - fraction);
        }
        return new ReliabilityDiagram(result, labels.Count == 0 ? double.NaN : ece);
    }

    private static double Edge(int b, int bins) => (double)b / bins;

    /// <summary>The bin of <paramref name="p"/>, checked against the edges themselves (not only ⌊p·bins⌋).</summary>
    private static int BinOf(double p, int bins)
    {
        int b = Math.Clamp((int)(p * bins), 0, bins - 1);
        while (b > 0 && p < Edge(b, bins))
            b--;
        while (b < bins - 1 && p >= Edge(b + 1, bins))
            b++;
        return b;
    }
}
