using System.Numerics.Tensors;
using Lib.Tensors.Ops;

namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Cross entropy of logits against class indices (<c>F.cross_entropy</c>), one fused op: a stable
    /// log-softmax over the class dimension, the negative log-likelihood, and its backward from the saved
    /// log-probabilities. <paramref name="input"/> is [N, C] or [N, C, d1, ...] (class dimension 1) or [C];
    /// <paramref name="target"/> is [N] or [N, d1, ...] (or 0-dimensional) with entries in [0, C) or equal
    /// to <paramref name="ignoreIndex"/>. Ignored targets contribute 0 and are left out of the mean's
    /// denominator, which is the sum of <c>weight[target]</c> over the other targets (their count without
    /// <paramref name="weight"/>), so a batch where every target is ignored gives NaN, as in PyTorch.
    /// With <paramref name="labelSmoothing"/> ε each loss is (1 − ε)·nll + (ε/C)·Σ_c −weight[c]·log p[c]
    /// (PyTorch 1.13's definition, sharing the same denominator).
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, IndexTensor target, Tensor? weight = null, int ignoreIndex = -100, float labelSmoothing = 0f, Reduction reduction = Reduction.Mean)
    {
        const string name = "CrossEntropy";
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckLabelSmoothing(labelSmoothing, name);
        if (input.Dim == 0)
            throw new ArgumentException($"{name}: input must be [N, C], [N, C, d1, ...] or [C]; got a 0-dimensional tensor.", nameof(input));
        int classes = input.Dim == 1 ? input._shape[0] : input._shape[1];
        int batch = input.Dim == 1 ? 1 : input._shape[0];
        int spatial = input.Dim <= 2 ? 1 : (int)Tensor.ShapeSize(input._shape[2..]);
        int[] targetShape = input.Dim == 1 ? [] : [input._shape[0], .. input._shape[2..]];
        if (!target._shape.AsSpan().SequenceEqual(targetShape))
            throw new ArgumentException($"{name}: target of shape {Tensor.ShapeText(target.Shape)} does not match input of shape {Tensor.ShapeText(input.Shape)}: expected {Tensor.ShapeText(targetShape)} (the input without its class dimension).", nameof(target));
        if (weight is not null && (weight.Dim != 1 || weight._shape[0] != classes))
            throw new ArgumentException($"{name}: weight must be [{classes}] (one per class), got {Tensor.ShapeText(weight.Shape)}.", nameof(weight));

        // One row of C logits per target position: [N, C, S] is permuted to [N, S, C] when S > 1.
        int rows = batch * spatial;
        var logits = spatial == 1 ? input._data : input.Detach().Reshape(batch, classes, spatial).Permute(0, 2, 1)._data;
        var logp = TensorStorage.Zeroed(logits.Length);
        SoftmaxKernels.LogSoftmax(logits, logp, rows, classes, 1);
        var w = weight?._data;
        float eps = labelSmoothing;
        float smoothScale = classes == 0 ? 0f : eps / classes;
        var y = target._data;
        var values = TensorStorage.Zeroed(rows);
        double totalWeight = 0;
        for (int r = 0; r < rows; r++)
        {
            int cls = y[r];
            if (cls == ignoreIndex) continue;
            if ((uint)cls >= (uint)classes)
                throw new ArgumentException($"{name}: target {cls} at {IndexText(r, target._shape)} is out of range for {classes} classes (expected 0 to {classes - 1}, or ignoreIndex {ignoreIndex}).", nameof(target));
            var row = logp.AsSpan(r * classes, classes);
            float wy = w is null ? 1f : w[cls];
            float value = -(1f - eps) * wy * row[cls];
            if (eps > 0f) value -= smoothScale * (w is null ? TensorPrimitives.Sum(row) : TensorPrimitives.Dot(row, w));
            values[r] = value;
            totalWeight += wy;
        }
        float denominator = (float)totalWeight;
        var result = LossSupport.Reduce(values, targetShape, reduction, denominator);
        float weightSum = w is null ? classes : TensorPrimitives.Sum(w);
        return Tensor.Record(result, "CrossEntropyLossBackward", [input], g =>
        {
            var up = LossSupport.Upstream(g, rows, reduction, denominator);
            var dx = TensorStorage.Zeroed(logp.Length);
            for (int r = 0; r < rows; r++)
            {
                int cls = y[r];
                if (cls == ignoreIndex) continue;
                float s = up[r];
                float wy = w is null ? 1f : w[cls];
                // d/dx_k = s·(p_k·((1 − ε)·w_y + (ε/C)·Σw) − (1 − ε)·w_y·[k = y] − (ε/C)·w_k)
                var dst = dx.AsSpan(r * classes, classes);
                TensorPrimitives.Exp(logp.AsSpan(r * classes, classes), dst);
                TensorPrimitives.Multiply(dst, s * ((1f - eps) * wy + smoothScale * weightSum), dst);
                dst[cls] -= s * (1f - eps) * wy;
                if (eps > 0f)
                {
                    if (w is null) TensorPrimitives.Subtract(dst, s * smoothScale, dst);
                    else TensorPrimitives.MultiplyAdd(w, -s * smoothScale, dst, dst);
                }
            }
            var grad = new Tensor(dx, spatial == 1 ? input._shape : [batch, spatial, classes]);
            return [spatial == 1 ? grad : grad.Permute(0, 2, 1).Reshape(input._shape)];
        });
    }

    /// <summary>The multi-index of flat position <paramref name="flat"/> in <paramref name="shape"/>, as <c>[i, j]</c>.</summary>
    private static string IndexText(int flat, int[] shape)
    {
        if (shape.Length == 0) return "the only position";
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return "target[" + string.Join(", ", index) + "]";
    }
}
