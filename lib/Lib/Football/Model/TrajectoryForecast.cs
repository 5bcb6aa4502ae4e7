namespace Lib.Football.Model;

/// <summary>
/// A forecaster's output for a batch: <see cref="Means"/> holds [nodes, K, horizon, 2] offsets (yards from each
/// node's last observed position, in the normalised frame), row-major; <see cref="Weights"/> [nodes, K] the modes'
/// probabilities (null for one deterministic mode); <see cref="Coverage"/> [scenes] the probability of a tight window
/// (null when the forecaster has no coverage head).
/// </summary>
public sealed record TrajectoryForecast(
    int Nodes,
    int Modes,
    int Horizon,
    float[] Means,
    float[]? Weights,
    double[]? Coverage
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
