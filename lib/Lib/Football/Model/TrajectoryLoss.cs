using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Football.Model;

/// <summary>
/// The football model's losses, each a masked mean over the steps a mask marks real (<c>1</c> = a player's true
/// position exists at that step; the ball and steps past the end of tracking are 0). Trajectories are
/// [nodes, horizon, 2] offsets from the last observed position, in yards.
/// </summary>
public static class TrajectoryLoss
{
    /// <summary>
    /// The displacement loss: the mean Euclidean distance between forecast and truth over the real steps (the ADE,
    /// L2), or with <paramref name="huberDelta"/> the Huber loss of each coordinate summed over x and y (robust to
    /// the few players whose path swerves).
    /// </summary>
    public static Tensor Displacement(Tensor predicted, Tensor target, Tensor mask, float? huberDelta = null)
    {
        CheckShapes(predicted, target, mask);
        var perStep = huberDelta is float delta
            ? Functional.HuberLoss(predicted, target, delta, Reduction.None).Sum(-1) // [nodes, horizon]
            : Distance(predicted, target); // [nodes, horizon]
        return MaskedMean(perStep, mask);
    }

    /// <summary>Velocity consistency: the mean squared difference of the per-step displacements (the first step's
    /// from the last observed position), over steps whose both ends are real.</summary>
    public static Tensor Velocity(Tensor predicted, Tensor target, Tensor mask)
    {
        CheckShapes(predicted, target, mask);
        var d = Difference(predicted) - Difference(target);
        return MaskedMean((d * d).Sum(-1), PairMask(mask));
    }

    /// <summary>Acceleration consistency: the mean squared difference of the second differences, over steps whose
    /// three points are real.</summary>
    public static Tensor Acceleration(Tensor predicted, Tensor target, Tensor mask)
    {
        CheckShapes(predicted, target, mask);
        var d = Difference(Difference(predicted)) - Difference(Difference(target));
        return MaskedMean((d * d).Sum(-1), PairMask(PairMask(mask)));
    }

    /// <summary>Binary cross-entropy of the coverage logits [scenes] over the labelled scenes (zero when none
    /// is).</summary>
    public static Tensor Coverage(Tensor logits, Tensor labels, Tensor mask)
    {
        var perScene = Functional.BinaryCrossEntropyWithLogits(logits, labels, reduction: Reduction.None);
        return MaskedMean(perScene, mask);
    }

    /// <summary>
    /// The mixture's negative log-likelihood per forecast step: each node whose every step is real is one sample of a
    /// K-mode Gaussian mixture over its whole path (2·horizon dimensions, <see
    /// cref="Functional.MixtureGaussianNll"/>), averaged over those nodes and divided by the horizon. Zero when no
    /// node has a full path.
    /// </summary>
    public static Tensor MixtureNll(Tensor means, Tensor logSigma, Tensor modeLogits, Tensor target, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(means);
        int k = means.Size(1),
            horizon = means.Size(2);
        var rows = FullRows(mask);
        if (rows.Length == 0)
            return (means.Sum() * 0f);
        var index = IndexTensor.FromArray(rows, rows.Length);
        int m = rows.Length;
        var nll = Functional.MixtureGaussianNll(
            modeLogits.IndexSelect(0, index),
            means.IndexSelect(0, index).Reshape(m, k, 2 * horizon),
            logSigma.IndexSelect(0, index).Reshape(m, k, 2 * horizon),
            target.IndexSelect(0, index).Reshape(m, 2 * horizon)
        );
        return nll / horizon;
    }

    /// <summary>
    /// Each node's mode closest to the truth (least mean distance over the real steps; not differentiated), as
    /// [nodes, horizon, 2]: the winner-takes-all trajectory a mixture's displacement loss trains.
    /// </summary>
    public static Tensor BestMode(Tensor means, Tensor target, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(means);
        int n = means.Size(0),
            k = means.Size(1),
            horizon = means.Size(2);
        var m = means.Data;
        var t = target.Data;
        var w = mask.Data;
        var best = new int[n];
        for (int i = 0; i < n; i++)
        {
            double bestError = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                double error = 0;
                for (int s = 0; s < horizon; s++)
                {
                    int at = ((i * k + j) * horizon + s) * 2,
                        tt = (i * horizon + s) * 2;
                    double dx = m[at] - t[tt],
                        dy = m[at + 1] - t[tt + 1];
                    error += w[i * horizon + s] * Math.Sqrt(dx * dx + dy * dy);
                }
                if (error < bestError)
                {
                    bestError = error;
                    best[i] = i * k + j;
                }
            }
        }
        return means.Reshape(n * k, horizon, 2).IndexSelect(0, IndexTensor.FromArray(best, n));
    }

    /// <summary>The Euclidean distance per step, [nodes, horizon] (a small floor keeps its gradient finite at
    /// 0).</summary>
    public static Tensor Distance(Tensor predicted, Tensor target)
    {
        var d = predicted - target;
        return ((d * d).Sum(-1) + 1e-6f).Sqrt();
    }

    /// <summary>Σ values·mask / Σ mask (zero when the mask is empty).</summary>
    public static Tensor MaskedMean(Tensor values, Tensor mask)
    {
        double count = 0;
        foreach (var v in mask.Data)
            count += v;
        return (values * mask).Sum() / (float)Math.Max(count, 1);
    }

    /// <summary>The nodes whose every step is real.</summary>
    public static int[] FullRows(Tensor mask)
    {
        int n = mask.Size(0),
            horizon = mask.Size(1);
        var w = mask.Data;
        var rows = new List<int>();
        for (int i = 0; i < n; i++)
        {
            bool full = true;
            for (int s = 0; s < horizon && full; s++)
                full = w[i * horizon + s] != 0f;
            if (full)
                rows.Add(i);
        }
        return [.. rows];
    }

    // x [n, H, 2] → per-step displacements [n, H, 2], the first from the origin (the last observed position).
    private static Tensor Difference(Tensor x)
    {
        int horizon = x.Size(1);
        if (horizon == 1)
            return x;
        return Tensor.Cat([x.Narrow(1, 0, 1), x.Narrow(1, 1, horizon - 1) - x.Narrow(1, 0, horizon - 1)], dim: 1);
    }

    // mask [n, H] → 1 where this step and the one before (the origin before step 0, always real) are real.
    private static Tensor PairMask(Tensor mask)
    {
        int n = mask.Size(0),
            horizon = mask.Size(1);
        var w = mask.Data;
        var pair = new float[w.Length];
        for (int i = 0; i < n; i++)
        for (int s = 0; s < horizon; s++)
            pair[i * horizon + s] = s == 0 ? w[i * horizon] : w[i * horizon + s] * w[i * horizon + s - 1];
        return Tensor.FromArray(pair, n, horizon);
    }

    private static void CheckShapes(Tensor predicted, Tensor target, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(mask);
        if (predicted.Dim != 3 || predicted.Size(2) != 2 || !predicted.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException(
                $"Trajectories must be [nodes, horizon, 2] and alike; got [{string.Join(", ", predicted.Shape)}] and "
                    + $"[{string.Join(", ", target.Shape)}]."
            );
        if (mask.Dim != 2 || mask.Size(0) != predicted.Size(0) || mask.Size(1) != predicted.Size(1))
            throw new ArgumentException(
                $"The mask must be [{predicted.Size(0)}, {predicted.Size(1)}], got [{string.Join(", ", mask.Shape)}]."
            );
    }
}
