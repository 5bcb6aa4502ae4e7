namespace Lib.Football.Model;

/// <summary>
/// A forecaster's output for a batch: <see cref="Means"/> holds [nodes, K, horizon, 2] offsets (yards from each
/// node's last observed position, in the normalised frame), row-major; <see cref="Weights"/> [nodes, K] the modes'
/// probabilities (null for one deterministic mode); <see cref="Coverage"/> [scenes] the probability of a tight window
/// (null when the forecaster has no coverage head); <see cref="LogSigma"/> a mixture's log standard deviations, laid
/// out as <see cref="Means"/> (null otherwise).
/// </summary>
public sealed record TrajectoryForecast(
    int Nodes,
    int Modes,
    int Horizon,
    float[] Means,
    float[]? Weights,
    double[]? Coverage,
    float[]? LogSigma = null
)
{
    /// <summary>Node <paramref name="node"/>'s offset at step <paramref name="step"/> (0-based) in mode
    /// <paramref name="mode"/>.</summary>
    public (float X, float Y) At(int node, int mode, int step)
    {
        int at = ((node * Modes + mode) * Horizon + step) * 2;
        return (Means[at], Means[at + 1]);
    }

    /// <summary>Mode <paramref name="mode"/>'s weight for <paramref name="node"/> (1 without a mixture).</summary>
    public float Weight(int node, int mode) => Weights is null ? 1f : Weights[node * Modes + mode];

    /// <summary>
    /// The mixture's negative log-likelihood of node <paramref name="node"/>'s true offsets over its first
    /// <paramref name="steps"/> steps (<paramref name="target"/>: [horizon, 2] from that node on), one sample of a
    /// 2·steps-dimensional K-mode diagonal Gaussian mixture (the Gaussian constant included, as
    /// <c>Functional.MixtureGaussianNll</c>), divided by <paramref name="steps"/>: nats per step, as the training loss.
    /// NaN without <see cref="LogSigma"/>.
    /// </summary>
    public double NllPerStep(int node, ReadOnlySpan<float> target, int steps)
    {
        if (LogSigma is null || Weights is null)
            return double.NaN;
        var terms = new double[Modes];
        for (int k = 0; k < Modes; k++)
        {
            double log = Math.Log(Math.Max(Weight(node, k), 1e-30));
            for (int s = 0; s < steps; s++)
            for (int c = 0; c < 2; c++)
            {
                int at = ((node * Modes + k) * Horizon + s) * 2 + c;
                double logSigma = LogSigma[at],
                    z = (target[s * 2 + c] - Means[at]) / Math.Exp(logSigma);
                log += -0.5 * z * z - logSigma - 0.5 * Math.Log(2 * Math.PI);
            }
            terms[k] = log;
        }
        double top = terms.Max();
        return -(top + Math.Log(terms.Sum(t => Math.Exp(t - top)))) / steps;
    }

    /// <summary>The node's most probable mode (its point forecast).</summary>
    public int TopMode(int node)
    {
        int best = 0;
        for (int j = 1; j < Modes; j++)
            if (Weight(node, j) > Weight(node, best))
                best = j;
        return best;
    }
}
