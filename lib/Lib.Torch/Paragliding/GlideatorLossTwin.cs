using Lib.Paragliding.Train;
using static TorchSharp.torch;

namespace Lib.Torch.Paragliding;

/// <summary>
/// <see cref="GlideatorLoss"/> on TorchSharp tensors: the multilabel BCE (mean over all B·K entries, times K, as
/// Glideator's <c>BCEWithLogitsLoss</c> summed over thresholds), the monotonicity penalty (Σ relu(p_{k+1} − p_k) / B)
/// and L1/L2 on every parameter, weighted by the training options.
/// </summary>
public static class GlideatorLossTwin
{
    /// <summary>The BCE term.</summary>
    public static Tensor Bce(Tensor logits, Tensor labels) =>
        nn.functional.binary_cross_entropy_with_logits(logits, labels) * logits.shape[1];

    /// <summary>The monotonicity penalty.</summary>
    public static Tensor Monotonicity(Tensor logits)
    {
        long b = logits.shape[0],
            k = logits.shape[1];
        var p = logits.sigmoid();
        var rise = p.narrow(1, 1, k - 1) - p.narrow(1, 0, k - 1);
        return rise.relu().sum() * (1f / b);
    }

    /// <summary>The full loss (BCE plus the weighted auxiliary terms the options turn on).</summary>
    public static Tensor Total(
        Tensor logits,
        Tensor labels,
        IEnumerable<Tensor> parameters,
        ParaglidingTrainOptions options
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        var loss = Bce(logits, labels);
        if (options.Monotonicity > 0 && logits.shape[1] > 1)
            loss = loss + Monotonicity(logits) * (float)options.Monotonicity;
        Tensor? l1 = null,
            l2 = null;
        if (options.L1 > 0 || options.L2 > 0)
            foreach (var p in parameters)
            {
                if (options.L1 > 0)
                    l1 = l1 is null ? p.abs().sum() : l1 + p.abs().sum();
                if (options.L2 > 0)
                    l2 = l2 is null ? (p * p).sum() : l2 + (p * p).sum();
            }
        if (l1 is not null)
            loss = loss + l1 * (float)options.L1;
        if (l2 is not null)
            loss = loss + l2 * (float)options.L2;
        return loss;
    }
}
