namespace Lib.Probabilities;

/// <summary>The proper scoring rules of binary probabilities, one number each (lower is better).</summary>
public static class ProbabilityScores
{
    /// <summary>The clipping of probabilities in the log loss (scikit-learn's historical default).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>The Brier score: the mean of (p − y)², y = 1 for a positive; NaN when empty.</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        BinaryInputs.SameLength(probabilities, labels, "probabilities");
        BinaryInputs.Probabilities(probabilities, nameof(probabilities));
        double sum = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return labels.Count == 0 ? double.NaN : sum / labels.Count;
    }

    /// <summary>
    /// The log loss (binary cross-entropy): the mean of −[y ln p + (1 − y) ln(1 − p)], with p clipped to
    /// [<paramref name="epsilon"/>, 1 − <paramref name="epsilon"/>] so a confident mistake costs a finite amount;
    /// NaN when empty.
    /// </summary>
    public static double LogLoss(
        IReadOnlyList<double> probabilities,
        IReadOnlyList<bool> labels,
        double epsilon = LogLossEpsilon
    )
    {
        BinaryInputs.SameLength(probabilities, labels, "probabilities");
        BinaryInputs.Probabilities(probabilities, nameof(probabilities));
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Expected a clipping in (0, 0.5).");
        double sum = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            double p = Math.Clamp(probabilities[i], epsilon, 1 - epsilon);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return labels.Count == 0 ? double.NaN : sum / labels.Count;
    }
}
