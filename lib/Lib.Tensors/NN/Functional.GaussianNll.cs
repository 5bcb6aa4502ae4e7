namespace Lib.Tensors.NN;

public static partial class Functional
{
    private const float HalfLogTwoPi = 0.918938533204672742f; // 0.5·log(2π)

    /// <summary>
    /// Gaussian negative log-likelihood with predicted variance (<c>F.gaussian_nll_loss</c>):
    /// 0.5·(log v + (input − target)²/v), plus 0.5·log(2π) when <paramref name="full"/>, with
    /// v = max(<paramref name="variance"/>, <paramref name="eps"/>). As in PyTorch the clamp is not
    /// differentiated: the gradient reaches the variance as if v were the variance itself.
    /// <paramref name="target"/> has the input's shape; <paramref name="variance"/> has the input's shape,
    /// or that shape without its last dimension, or with a last dimension of 1 (one variance for all the
    /// last dimension's entries). Negative variances are an error.
    /// </summary>
    public static Tensor GaussianNllLoss(
        Tensor input,
        Tensor target,
        Tensor variance,
        bool full = false,
        float eps = 1e-6f,
        Reduction reduction = Reduction.Mean
    )
    {
        const string name = "GaussianNllLoss";
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckSameShape(input, target, name);
        var varShape = VarianceShape(input, variance, name);
        var clamped = new float[variance.NumEl];
        for (int i = 0; i < clamped.Length; i++)
        {
            float value = variance._data[i];
            if (value < 0f)
                throw new ArgumentException(
                    $"{name}: variance has negative entries (the first is {value} at flat index {i}).",
                    nameof(variance)
                );
            clamped[i] = float.IsNaN(value) ? float.NaN : MathF.Max(value, eps);
        }
        // v has the clamped values and passes its gradient straight to the variance: (variance − variance) is exactly
        // 0.
        var v = (variance - variance.Detach() + Tensor.Wrap(clamped, variance._shape)).Reshape(varShape);
        var d = input - target;
        var values = 0.5f * (v.Log() + d * d / v); // v broadcasts over the input's last dimension
        if (full)
            values = values + HalfLogTwoPi;
        return LossSupport.Reduce(values, reduction, name);
    }

    /// <summary>The shape the variance broadcasts from (its own, or with the missing last dimension of 1 appended), or
    /// an error naming both shapes.</summary>
    private static int[] VarianceShape(Tensor input, Tensor variance, string loss)
    {
        var vs = variance._shape;
        var xs = input._shape;
        if (vs.AsSpan().SequenceEqual(xs))
            return vs;
        if (xs.Length >= 1 && vs.AsSpan().SequenceEqual(xs.AsSpan(0, xs.Length - 1)))
            return [.. vs, 1];
        if (
            xs.Length >= 1
            && vs.Length == xs.Length
            && vs[^1] == 1
            && vs.AsSpan(0, vs.Length - 1).SequenceEqual(xs.AsSpan(0, xs.Length - 1))
        )
            return vs;
        throw new ArgumentException(
            $"{loss}: variance of shape {Tensor.ShapeText(variance.Shape)} does not fit input of shape "
                + $"{Tensor.ShapeText(input.Shape)}: "
                + "expected the input's shape, that shape without its last dimension, or with a last dimension of 1.",
            "variance"
        );
    }

    /// <summary>
    /// Negative log-likelihood of <paramref name="target"/> [N, D] under a mixture of K diagonal Gaussians:
    /// mixture weights softmax(<paramref name="logits"/> [N, K]), means <paramref name="mu"/> [N, K, D], standard
    /// deviations exp(<paramref name="logSigma"/> [N, K, D]).
    /// <c>nll_n = −logsumexp_k(log_softmax(logits_n)_k + Σ_d [−0.5·((t_nd − mu_nkd)/σ_nkd)² − logσ_nkd − 0.5·log
    /// 2π])</c>,
    /// composed from primitives; the reduction is over N (<see cref="Reduction.None"/> gives [N]). Gradients flow to
    /// every input, target included.
    /// </summary>
    public static Tensor MixtureGaussianNll(
        Tensor logits,
        Tensor mu,
        Tensor logSigma,
        Tensor target,
        Reduction reduction = Reduction.Mean
    )
    {
        const string name = "MixtureGaussianNll";
        LossSupport.CheckReduction(reduction, name);
        if (logits.Dim != 2)
            throw new ArgumentException(
                $"{name}: logits must be [N, K], got {Tensor.ShapeText(logits.Shape)}.",
                nameof(logits)
            );
        int n = logits._shape[0],
            k = logits._shape[1];
        if (target.Dim != 2 || target._shape[0] != n)
            throw new ArgumentException(
                $"{name}: target must be [N, D] with N = {n} (from logits {Tensor.ShapeText(logits.Shape)}), "
                    + $"got {Tensor.ShapeText(target.Shape)}.",
                nameof(target)
            );
        int dims = target._shape[1];
        int[] componentShape = [n, k, dims];
        if (!mu._shape.AsSpan().SequenceEqual(componentShape))
            throw new ArgumentException(
                $"{name}: mu must be [N, K, D] = {Tensor.ShapeText(componentShape)}, got {Tensor.ShapeText(mu.Shape)}.",
                nameof(mu)
            );
        if (!logSigma._shape.AsSpan().SequenceEqual(componentShape))
            throw new ArgumentException(
                $"{name}: logSigma must be [N, K, D] = {Tensor.ShapeText(componentShape)}, got "
                    + $"{Tensor.ShapeText(logSigma.Shape)}.",
                nameof(logSigma)
            );

        var logPi = logits.LogSoftmax(-1); // [N, K]
        var z = (target.Unsqueeze(1) - mu) * (-logSigma).Exp(); // [N, K, D]
        var logComponent = (-0.5f * z * z - logSigma - HalfLogTwoPi).Sum(-1); // [N, K]
        var nll = -(logPi + logComponent).LogSumExp(-1); // [N]
        return LossSupport.Reduce(nll, reduction, name);
    }
}
