using Lib.Football.Model;
using Lib.Football.Train;
using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// <see cref="TrajectoryLoss"/> on TorchSharp tensors (masked means over the real steps of [nodes, horizon, 2]
/// trajectories), and <see cref="Total"/>: the football training step's loss as the engine's trainer sums it
/// (displacement, or mixture NLL + the best mode's displacement; weighted velocity, acceleration and coverage).
/// </summary>
public static class TrajectoryLossTwin
{
    private const float HalfLogTwoPi = 0.918938533204672742f;

    /// <summary>The mean Euclidean distance over the real steps, or the Huber loss summed over x and y.</summary>
    public static Tensor Displacement(Tensor predicted, Tensor target, Tensor mask, float? huberDelta = null)
    {
        var perStep = huberDelta is float delta
            ? nn.functional.huber_loss(predicted, target, delta, nn.Reduction.None).sum(-1)
            : Distance(predicted, target);
        return MaskedMean(perStep, mask);
    }

    /// <summary>Velocity consistency: the mean squared difference of the per-step displacements.</summary>
    public static Tensor Velocity(Tensor predicted, Tensor target, Tensor mask)
    {
        var d = Difference(predicted) - Difference(target);
        return MaskedMean((d * d).sum(-1), PairMask(mask));
    }

    /// <summary>Acceleration consistency: the mean squared difference of the second differences.</summary>
    public static Tensor Acceleration(Tensor predicted, Tensor target, Tensor mask)
    {
        var d = Difference(Difference(predicted)) - Difference(Difference(target));
        return MaskedMean((d * d).sum(-1), PairMask(PairMask(mask)));
    }

    /// <summary>Binary cross-entropy of the coverage logits [scenes] over the labelled scenes.</summary>
    public static Tensor Coverage(Tensor logits, Tensor labels, Tensor mask) =>
        MaskedMean(nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction: nn.Reduction.None), mask);

    /// <summary>The mixture's negative log-likelihood per forecast step over the nodes whose every step is
    /// real (zero when none is).</summary>
    public static Tensor MixtureNll(Tensor means, Tensor logSigma, Tensor modeLogits, Tensor target, Tensor mask)
    {
        long k = means.shape[1],
            horizon = means.shape[2];
        using var rows = (mask != 0f).all(1).nonzero().reshape(-1);
        long m = rows.shape[0];
        if (m == 0)
            return means.sum() * 0f;
        var logPi = modeLogits.index_select(0, rows).log_softmax(-1); // [M, K]
        var mu = means.index_select(0, rows).reshape(m, k, 2 * horizon);
        var ls = logSigma.index_select(0, rows).reshape(m, k, 2 * horizon);
        var t = target.index_select(0, rows).reshape(m, 1, 2 * horizon);
        var z = (t - mu) * (-ls).exp();
        var logComponent = (-0.5f * z * z - ls - HalfLogTwoPi).sum(-1); // [M, K]
        var nll = -(logPi + logComponent).logsumexp(-1); // [M]
        return nll.mean() / horizon;
    }

    /// <summary>Each node's mode closest to the truth over the real steps (not differentiated), [nodes, horizon,
    /// 2].</summary>
    public static Tensor BestMode(Tensor means, Tensor target, Tensor mask)
    {
        long n = means.shape[0],
            k = means.shape[1],
            horizon = means.shape[2];
        Tensor index;
        using (no_grad())
        {
            var d = (means - target.unsqueeze(1)).square().sum(-1).sqrt(); // [n, K, H]
            var error = (d.to(ScalarType.Float64) * mask.unsqueeze(1).to(ScalarType.Float64)).sum(-1); // [n, K]
            index = arange(n, ScalarType.Int64, means.device) * k + error.argmin(1);
        }
        return means.reshape(n * k, horizon, 2).index_select(0, index);
    }

    /// <summary>The Euclidean distance per step [nodes, horizon] (floored at 1e-6 under the root).</summary>
    public static Tensor Distance(Tensor predicted, Tensor target)
    {
        var d = predicted - target;
        return ((d * d).sum(-1) + 1e-6f).sqrt();
    }

    /// <summary>Σ values·mask / Σ mask (zero when the mask is empty).</summary>
    public static Tensor MaskedMean(Tensor values, Tensor mask) => (values * mask).sum() / mask.sum().clamp_min(1f);

    /// <summary>The training step's loss as <c>FootballTrainer</c> sums it, with the options' weights.</summary>
    public static Tensor Total(TrajectoryOutputTensors output, TrajectoryBatchTensors b, FootballTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        float? huber = options.HuberDelta is double d ? (float)d : null;
        Tensor path,
            loss;
        if (output.IsMixture)
        {
            path = BestMode(output.Means, b.Targets, b.TargetMask);
            loss =
                MixtureNll(output.Means, output.LogSigma!, output.ModeLogits!, b.Targets, b.TargetMask)
                + Displacement(path, b.Targets, b.TargetMask, huber);
        }
        else
        {
            path = output.Means.select(1, 0);
            loss = Displacement(path, b.Targets, b.TargetMask, huber);
        }
        if (options.VelocityWeight > 0)
            loss = loss + Velocity(path, b.Targets, b.TargetMask) * (float)options.VelocityWeight;
        if (options.AccelerationWeight > 0)
            loss = loss + Acceleration(path, b.Targets, b.TargetMask) * (float)options.AccelerationWeight;
        if (options.CoverageWeight > 0)
            loss =
                loss + Coverage(output.CoverageLogit, b.CoverageLabels, b.CoverageMask) * (float)options.CoverageWeight;
        return loss;
    }

    private static Tensor Difference(Tensor x)
    {
        long horizon = x.shape[1];
        if (horizon == 1)
            return x;
        return cat([x.narrow(1, 0, 1), x.narrow(1, 1, horizon - 1) - x.narrow(1, 0, horizon - 1)], 1);
    }

    private static Tensor PairMask(Tensor mask)
    {
        long horizon = mask.shape[1];
        if (horizon == 1)
            return mask;
        return cat([mask.narrow(1, 0, 1), mask.narrow(1, 1, horizon - 1) * mask.narrow(1, 0, horizon - 1)], 1);
    }
}
