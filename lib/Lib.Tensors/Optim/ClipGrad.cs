using System.Numerics.Tensors;

namespace Lib.Tensors.Optim;

/// <summary>Gradient clipping (PyTorch's <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>), in place
/// on each parameter's <see cref="Tensor.Grad"/>.</summary>
public static class ClipGrad
{
    private const int Block = 1024;

    /// <summary>
    /// Scales all gradients together so that their combined <paramref name="normType"/>-norm is at most
    /// <paramref name="maxNorm"/>: with total the norm over every element of every gradient,
    /// each gradient is multiplied by max_norm / (total + 1e-6) when that is below 1. Parameters without a gradient are
    /// skipped.
    /// </summary>
    /// <returns>The total norm before clipping (what to log; 0 when no parameter has a gradient).</returns>
    /// <exception cref="InvalidOperationException">With <paramref name="errorIfNonfinite"/>, the total norm is NaN or
    /// infinite.</exception>
    public static double ClipGradNorm(
        IEnumerable<Tensor> parameters,
        double maxNorm,
        double normType = 2,
        bool errorIfNonfinite = false
    )
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(normType > 0))
            throw new ArgumentOutOfRangeException(
                nameof(normType),
                $"normType must be positive (or infinity), got {normType}."
            );
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0)
            return 0;
        double total = 0;
        if (double.IsPositiveInfinity(normType))
        {
            foreach (var g in grads)
                if (g.NumEl > 0)
                    total = Math.Max(total, Math.Abs(TensorPrimitives.MaxMagnitude(g.Data))); // NaN propagates
        }
        else
        {
            foreach (var g in grads)
            {
                var d = g.Data;
                if (normType is 1 or 2)
                {
                    // SIMD float sums over short blocks, added up in double: fast and accurate for millions of
                    // elements.
                    for (int start = 0; start < d.Length; start += Block)
                    {
                        var block = d.Slice(start, Math.Min(Block, d.Length - start));
                        total +=
                            normType == 2
                                ? TensorPrimitives.SumOfSquares(block)
                                : TensorPrimitives.SumOfMagnitudes(block);
                    }
                }
                else
                    for (int i = 0; i < d.Length; i++)
                        total += Math.Pow(Math.Abs(d[i]), normType);
            }
            total =
                normType == 2 ? Math.Sqrt(total)
                : normType == 1 ? total
                : Math.Pow(total, 1 / normType);
        }
        if (errorIfNonfinite && !double.IsFinite(total))
            throw new InvalidOperationException(
                $"The total norm of order {normType} for gradients from {grads.Count} parameters is non-finite "
                    + $"({total}), so it cannot be clipped."
            );
        double coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
            foreach (var g in grads)
                TensorPrimitives.Multiply(g.Data, (float)coefficient, g.AsSpan());
        return total;
    }

    /// <summary>Clamps every gradient element to [−<paramref name="clipValue"/>, <paramref name="clipValue"/>].
    /// Parameters without a gradient are skipped.</summary>
    public static void ClipGradValue(IEnumerable<Tensor> parameters, double clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(clipValue >= 0))
            throw new ArgumentOutOfRangeException(nameof(clipValue), $"clipValue must be >= 0, got {clipValue}.");
        float c = (float)clipValue;
        foreach (var p in parameters)
        {
            if (p.Grad is not { } g)
                continue;
            TensorPrimitives.Min(g.Data, c, g.AsSpan());
            TensorPrimitives.Max(g.Data, -c, g.AsSpan());
        }
    }
}
