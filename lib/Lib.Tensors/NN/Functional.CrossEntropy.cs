namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Cross entropy of logits against class indices (<c>F.cross_entropy</c>), composed from primitives: a stable
    /// log-softmax over the class dimension times constant per-class coefficients (the one-hot target, its class
    /// weight and the label smoothing), summed. <paramref name="input"/> is [N, C] or [N, C, d1, ...] (class dimension
    /// 1) or [C];
    /// <paramref name="target"/> is [N] or [N, d1, ...] (or 0-dimensional) with entries in [0, C) or equal
    /// to <paramref name="ignoreIndex"/>. Ignored targets contribute 0 and are left out of the mean's
    /// denominator, which is the sum of <c>weight[target]</c> over the other targets (their count without
    /// <paramref name="weight"/>), so a batch where every target is ignored gives NaN, as in PyTorch.
    /// With <paramref name="labelSmoothing"/> ε each loss is (1 − ε)·nll + (ε/C)·Σ_c −weight[c]·log p[c]
    /// (PyTorch 1.13's definition, sharing the same denominator).
    /// </summary>
    public static Tensor CrossEntropy(
        Tensor input,
        IndexTensor target,
        Tensor? weight = null,
        int ignoreIndex = -100,
        float labelSmoothing = 0f,
        Reduction reduction = Reduction.Mean
    )
    {
        const string name = "CrossEntropy";
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckLabelSmoothing(labelSmoothing, name);
        if (input.Dim == 0)
            throw new ArgumentException(
                $"{name}: input must be [N, C], [N, C, d1, ...] or [C]; got a 0-dimensional tensor.",
                nameof(input)
            );
        int classes = input.Dim == 1 ? input._shape[0] : input._shape[1];
        int batch = input.Dim == 1 ? 1 : input._shape[0];
        int spatial = input.Dim <= 2 ? 1 : (int)Tensor.ShapeSize(input._shape[2..]);
        int[] targetShape = input.Dim == 1 ? [] : [input._shape[0], .. input._shape[2..]];
        if (!target._shape.AsSpan().SequenceEqual(targetShape))
            throw new ArgumentException(
                $"{name}: target of shape {Tensor.ShapeText(target.Shape)} does not match input of shape "
                    + $"{Tensor.ShapeText(input.Shape)}: expected {Tensor.ShapeText(targetShape)} (the input without "
                    + "its class dimension).",
                nameof(target)
            );
        if (weight is not null && (weight.Dim != 1 || weight._shape[0] != classes))
            throw new ArgumentException(
                $"{name}: weight must be [{classes}] (one per class), got {Tensor.ShapeText(weight.Shape)}.",
                nameof(weight)
            );

        // One row of C logits per target position: [N, C, S] is permuted to [N, S, C] when S > 1.
        int rows = batch * spatial;
        var logits =
            input.Dim == 1 ? input.Unsqueeze(0)
            : spatial == 1 ? input
            : input.Reshape(batch, classes, spatial).Permute(0, 2, 1).Reshape(rows, classes);
        var logp = logits.LogSoftmax(1); // [rows, C]

        // Each row's loss is −Σ_c coefficient[r, c]·logp[r, c]; the coefficients are constants:
        // (1 − ε)·w_y at the target's class plus (ε/C)·w_c everywhere, 0 on ignored rows.
        var coefficient = new float[rows * classes];
        var w = weight?._data;
        float smoothScale = classes == 0 ? 0f : labelSmoothing / classes;
        double totalWeight = 0;
        var y = target._data;
        for (int r = 0; r < rows; r++)
        {
            int cls = y[r];
            if (cls == ignoreIndex)
                continue;
            if ((uint)cls >= (uint)classes)
                throw new ArgumentException(
                    $"{name}: target {cls} at {IndexText(r, target._shape)} is out of range for {classes} "
                        + $"classes (expected 0 to {classes - 1}, or ignoreIndex {ignoreIndex}).",
                    nameof(target)
                );
            var row = coefficient.AsSpan(r * classes, classes);
            if (labelSmoothing > 0f)
                for (int c = 0; c < classes; c++)
                    row[c] = smoothScale * (w is null ? 1f : w[c]);
            float wy = w is null ? 1f : w[cls];
            row[cls] += (1f - labelSmoothing) * wy;
            totalWeight += wy;
        }
        var losses = -(logp * Tensor.Wrap(coefficient, rows, classes)).Sum(1).Reshape(targetShape);
        if (reduction == Reduction.None)
            return losses;
        if (reduction == Reduction.Sum)
            return losses.Sum();
        // The mean over the targets' weights; none left (every target ignored) gives NaN with zero gradients, as in
        // PyTorch.
        return totalWeight == 0 ? losses.Sum() * 0f + float.NaN : losses.Sum() / (float)totalWeight;
    }

    /// <summary>The multi-index of flat position <paramref name="flat"/> in <paramref name="shape"/>, as <c>[i,
    /// j]</c>.</summary>
    private static string IndexText(int flat, int[] shape)
    {
        if (shape.Length == 0)
            return "the only position";
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return "target[" + string.Join(", ", index) + "]";
    }
}
