using Lib.Tensors.Ops;

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
    public static Tensor GaussianNllLoss(Tensor input, Tensor target, Tensor variance, bool full = false, float eps = 1e-6f, Reduction reduction = Reduction.Mean)
    {
        const string name = "GaussianNllLoss";
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckSameShape(input, target, name);
        var varShape = VarianceShape(input, variance, name);
        for (int i = 0; i < variance.NumEl; i++)
            if (variance._data[i] < 0f)
                throw new ArgumentException($"{name}: variance has negative entries (the first is {variance._data[i]} at flat index {i}).", nameof(variance));
        var clamped = TensorStorage.Zeroed(variance.NumEl);
        for (int i = 0; i < clamped.Length; i++) clamped[i] = float.IsNaN(variance._data[i]) ? float.NaN : MathF.Max(variance._data[i], eps);
        var v = new Tensor(clamped, varShape).Expand(input._shape)._data;
        int n = input.NumEl;
        float[] x = input._data, t = target._data;
        float constant = full ? HalfLogTwoPi : 0f;
        var values = TensorStorage.Zeroed(n);
        for (int i = 0; i < n; i++)
        {
            float d = x[i] - t[i];
            values[i] = 0.5f * (MathF.Log(v[i]) + d * d / v[i]) + constant;
        }
        var result = LossSupport.Reduce(values, input._shape, reduction, n);
        return Tensor.Record(result, "GaussianNllLossBackward", [input, target, variance], g =>
        {
            var up = LossSupport.Upstream(g, n, reduction, n);
            var dx = TensorStorage.Zeroed(n);
            var dv = variance.RequiresGrad ? TensorStorage.Zeroed(n) : null;
            for (int i = 0; i < n; i++)
            {
                float d = x[i] - t[i];
                dx[i] = up[i] * d / v[i];
                if (dv is not null) dv[i] = up[i] * 0.5f * (1f - d * d / v[i]) / v[i];
            }
            var gradInput = new Tensor(dx, input._shape);
            return
            [
                input.RequiresGrad ? gradInput : null,
                target.RequiresGrad ? gradInput.Neg() : null,
                dv is null ? null : Broadcast.SumTo(new Tensor(dv, input._shape), varShape).Reshape(variance._shape),
            ];
        });
    }

    /// <summary>The shape the variance broadcasts from (its own, or with the missing last dimension of 1 appended), or an error naming both shapes.</summary>
    private static int[] VarianceShape(Tensor input, Tensor variance, string loss)
    {
        var vs = variance._shape;
        var xs = input._shape;
        if (vs.AsSpan().SequenceEqual(xs)) return vs;
        if (xs.Length >= 1 && vs.AsSpan().SequenceEqual(xs.AsSpan(0, xs.Length - 1))) return [.. vs, 1];
        if (xs.Length >= 1 && vs.Length == xs.Length && vs[^1] == 1 && vs.AsSpan(0, vs.Length - 1).SequenceEqual(xs.AsSpan(0, xs.Length - 1))) return vs;
        throw new ArgumentException($"{loss}: variance of shape {Tensor.ShapeText(variance.Shape)} does not fit input of shape {Tensor.ShapeText(input.Shape)}: " +
            "expected the input's shape, that shape without its last dimension, or with a last dimension of 1.", "variance");
    }

    /// <summary>
    /// Negative log-likelihood of <paramref name="target"/> [N, D] under a mixture of K diagonal Gaussians,
    /// one fused op: mixture weights softmax(<paramref name="logits"/> [N, K]), means <paramref name="mu"/>
    /// [N, K, D], standard deviations exp(<paramref name="logSigma"/> [N, K, D]).
    /// <c>nll_n = −logsumexp_k(log_softmax(logits_n)_k + Σ_d [−0.5·((t_nd − mu_nkd)/σ_nkd)² − logσ_nkd − 0.5·log 2π])</c>;
    /// the reduction is over N (<see cref="Reduction.None"/> gives [N]). Gradients flow to every input, target included.
    /// </summary>
    public static Tensor MixtureGaussianNll(Tensor logits, Tensor mu, Tensor logSigma, Tensor target, Reduction reduction = Reduction.Mean)
    {
        const string name = "MixtureGaussianNll";
        LossSupport.CheckReduction(reduction, name);
        if (logits.Dim != 2)
            throw new ArgumentException($"{name}: logits must be [N, K], got {Tensor.ShapeText(logits.Shape)}.", nameof(logits));
        int n = logits._shape[0], k = logits._shape[1];
        if (target.Dim != 2 || target._shape[0] != n)
            throw new ArgumentException($"{name}: target must be [N, D] with N = {n} (from logits {Tensor.ShapeText(logits.Shape)}), got {Tensor.ShapeText(target.Shape)}.", nameof(target));
        int dims = target._shape[1];
        int[] componentShape = [n, k, dims];
        if (!mu._shape.AsSpan().SequenceEqual(componentShape))
            throw new ArgumentException($"{name}: mu must be [N, K, D] = {Tensor.ShapeText(componentShape)}, got {Tensor.ShapeText(mu.Shape)}.", nameof(mu));
        if (!logSigma._shape.AsSpan().SequenceEqual(componentShape))
            throw new ArgumentException($"{name}: logSigma must be [N, K, D] = {Tensor.ShapeText(componentShape)}, got {Tensor.ShapeText(logSigma.Shape)}.", nameof(logSigma));

        var logPi = TensorStorage.Zeroed(n * k);
        SoftmaxKernels.LogSoftmax(logits._data, logPi, n, k, 1);
        float[] m = mu._data, ls = logSigma._data, t = target._data;
        var z = TensorStorage.Zeroed(n * k * dims);      // (t − mu)/σ, kept for backward
        var joint = TensorStorage.Zeroed(n * k);         // log π_k + log N(t | mu_k, σ_k)
        var nll = TensorStorage.Zeroed(n);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                float a = logPi[i * k + c];
                for (int d = 0; d < dims; d++)
                {
                    int at = (i * k + c) * dims + d;
                    float zz = (t[i * dims + d] - m[at]) * MathF.Exp(-ls[at]);
                    z[at] = zz;
                    a += -0.5f * zz * zz - ls[at] - HalfLogTwoPi;
                }
                joint[i * k + c] = a;
            }
        }
        SoftmaxKernels.LogSumExp(joint, nll, n, k, 1);
        for (int i = 0; i < n; i++) nll[i] = -nll[i];
        var result = LossSupport.Reduce((float[])nll.Clone(), [n], reduction, n);
        return Tensor.Record(result, "MixtureGaussianNllBackward", [logits, mu, logSigma, target], g =>
        {
            var up = LossSupport.Upstream(g, n, reduction, n);
            var dLogits = TensorStorage.Zeroed(n * k);
            var dMu = TensorStorage.Zeroed(n * k * dims);
            var dLogSigma = TensorStorage.Zeroed(n * k * dims);
            var dTarget = TensorStorage.Zeroed(n * dims);
            for (int i = 0; i < n; i++)
            {
                float s = up[i];
                for (int c = 0; c < k; c++)
                {
                    // responsibility r = exp(joint − logsumexp) = exp(joint + nll)
                    float r = MathF.Exp(joint[i * k + c] + nll[i]);
                    dLogits[i * k + c] = s * (MathF.Exp(logPi[i * k + c]) - r);
                    for (int d = 0; d < dims; d++)
                    {
                        int at = (i * k + c) * dims + d;
                        float zz = z[at];
                        float zOverSigma = zz * MathF.Exp(-ls[at]);
                        dMu[at] = -s * r * zOverSigma;
                        dLogSigma[at] = -s * r * (zz * zz - 1f);
                        dTarget[i * dims + d] += s * r * zOverSigma;
                    }
                }
            }
            return
            [
                logits.RequiresGrad ? new Tensor(dLogits, logits._shape) : null,
                mu.RequiresGrad ? new Tensor(dMu, mu._shape) : null,
                logSigma.RequiresGrad ? new Tensor(dLogSigma, logSigma._shape) : null,
                target.RequiresGrad ? new Tensor(dTarget, target._shape) : null,
            ];
        });
    }
}
