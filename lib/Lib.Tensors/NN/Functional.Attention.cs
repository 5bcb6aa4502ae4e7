using Lib.Tensors.Ops;

namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Scaled dot-product attention as one fused op with a hand-written backward (its reference:
    /// <see cref="Composed.ScaledDotProductAttention"/>): for each batch and
    /// head, P = softmax(Q·Kᵀ/√d + attnMask) with padded keys at −∞, dropout on P when
    /// <paramref name="dropoutP"/> &gt; 0, and O = P·V. Shapes: <paramref name="query"/> [B, H, T, d],
    /// <paramref name="key"/> [B, H, S, d], <paramref name="value"/> [B, H, S, dv] → O [B, H, T, dv].
    /// </summary>
    /// <param name="query">[B, H, T, d].</param>
    /// <param name="key">[B, H, S, d].</param>
    /// <param name="value">[B, H, S, dv].</param>
    /// <param name="keyPaddingMask">[B, S] float 0/1 in the engine's polarity: <b>1 = a real key token, 0 = padding</b>
    /// (the opposite of PyTorch's boolean <c>key_padding_mask</c>, where True means "ignore"). Not
    /// differentiated.</param>
    /// <param name="attnMask">[T, S] additive float mask (−∞ forbids a pair), shared by every batch and head. Not
    /// differentiated.</param>
    /// <param name="dropoutP">The probability of zeroing an attention weight (pass 0 outside training, as PyTorch's
    /// callers do).</param>
    /// <param name="generator">Draws the dropout mask; required when <paramref name="dropoutP"/> &gt; 0.</param>
    /// <param name="needWeights">Whether to also return the attention weights.</param>
    /// <returns>O, and when <paramref name="needWeights"/> the weights [B, H, T, S] that multiplied V (after dropout,
    /// as PyTorch returns them; padded key columns are exactly 0). Gradients flow through both. A query whose
    /// keys are all masked gets NaN, as in PyTorch.</returns>
    public static (Tensor Output, Tensor? Weights) ScaledDotProductAttention(
        Tensor query,
        Tensor key,
        Tensor value,
        Tensor? keyPaddingMask = null,
        Tensor? attnMask = null,
        float dropoutP = 0f,
        Generator? generator = null,
        bool needWeights = false
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (query.Dim != 4 || key.Dim != 4 || value.Dim != 4)
            throw new ArgumentException(
                "ScaledDotProductAttention needs 4-D query [B, H, T, d], key [B, H, S, d] and value [B, H, S, "
                    + $"dv]; got {Tensor.ShapeText(query.Shape)}, {Tensor.ShapeText(key.Shape)} and "
                    + $"{Tensor.ShapeText(value.Shape)}."
            );
        int b = query.Shape[0],
            h = query.Shape[1],
            t = query.Shape[2],
            d = query.Shape[3];
        int s = key.Shape[2],
            dv = value.Shape[3];
        if (key.Shape[0] != b || key.Shape[1] != h || key.Shape[3] != d)
            throw new ArgumentException(
                $"ScaledDotProductAttention: key must be [B, H, S, d] = [{b}, {h}, S, {d}] to match query "
                    + $"{Tensor.ShapeText(query.Shape)}, got {Tensor.ShapeText(key.Shape)}.",
                nameof(key)
            );
        if (value.Shape[0] != b || value.Shape[1] != h || value.Shape[2] != s)
            throw new ArgumentException(
                $"ScaledDotProductAttention: value must be [B, H, S, dv] = [{b}, {h}, {s}, dv] to match key "
                    + $"{Tensor.ShapeText(key.Shape)}, got {Tensor.ShapeText(value.Shape)}.",
                nameof(value)
            );
        if (!(dropoutP >= 0f && dropoutP <= 1f))
            throw new ArgumentOutOfRangeException(
                nameof(dropoutP),
                $"Dropout probability has to be between 0 and 1, but got {dropoutP}."
            );
        if (dropoutP > 0f && generator is null)
            throw new ArgumentNullException(
                nameof(generator),
                $"ScaledDotProductAttention with dropoutP = {dropoutP} needs a generator to draw the dropout mask."
            );
        var padRow = keyPaddingMask is null ? null : PaddingRow(keyPaddingMask, b, s, nameof(keyPaddingMask));
        var additive = attnMask is null ? null : AttnMaskData(attnMask, t, s, nameof(attnMask));
        if (!FusedOps.IsEnabled)
            return Composed.ScaledDotProductAttention(
                query,
                key,
                value,
                keyPaddingMask,
                attnMask,
                dropoutP,
                generator,
                needWeights
            );

        var output = TensorStorage.Uninitialized(b * h * t * dv);
        var lo = HeadLayout.Split(h, t, dv);
        var (lq, lk, lv) = (HeadLayout.Split(h, t, d), HeadLayout.Split(h, s, d), HeadLayout.Split(h, s, dv));
        var kernel = AttentionKernel.Forward(
            b,
            h,
            t,
            s,
            d,
            dv,
            query._data,
            lq,
            key._data,
            lk,
            value._data,
            lv,
            padRow,
            additive,
            dropoutP,
            generator,
            needWeights,
            output,
            lo
        );
        var result = Tensor.Record(
            new Tensor(output, [b, h, t, dv]),
            "ScaledDotProductAttentionBackward",
            [query, key, value],
            g =>
            {
                var dq = query.RequiresGrad ? TensorStorage.Uninitialized(query.NumEl) : null;
                var dk = key.RequiresGrad ? TensorStorage.Uninitialized(key.NumEl) : null;
                var dvGrad = value.RequiresGrad ? TensorStorage.Uninitialized(value.NumEl) : null;
                kernel.BackwardFromOutput(g._data, lo, dq, dk, dvGrad);
                return [Wrap(dq, query), Wrap(dk, key), Wrap(dvGrad, value)];
            }
        );
        if (!needWeights)
            return (result, null);
        var weights = Tensor.Record(
            new Tensor(kernel.Weights, [b, h, t, s]),
            "AttentionWeightsBackward",
            [query, key],
            g =>
            {
                var dq = query.RequiresGrad ? TensorStorage.Uninitialized(query.NumEl) : null;
                var dk = key.RequiresGrad ? TensorStorage.Uninitialized(key.NumEl) : null;
                kernel.BackwardFromWeights(g._data, dq, dk);
                return [Wrap(dq, query), Wrap(dk, key)];
            }
        );
        return (result, weights);
    }

    /// <summary>
    /// Multi-head attention straight from the projections, with no copies to split or merge heads: head i of the
    /// queries is columns <c>i·d</c> to <c>(i+1)·d</c> of <paramref name="query"/> [B, T, E] (d = E / heads), likewise
    /// for
    /// <paramref name="key"/> and <paramref name="value"/> [B, S, E], and the result is [B, T, E] with head i in the
    /// same columns: <c>merge(ScaledDotProductAttention(split(q), split(k), split(v)))</c> in one op. When query,
    /// key and value are one tensor [B, T, 3E] (a packed self-attention projection), the three are its thirds and
    /// its gradient is written in one buffer. Masks, dropout and weights as in <see cref="ScaledDotProductAttention"/>.
    /// </summary>
    internal static (Tensor Output, Tensor? Weights) AttendHeads(
        Tensor query,
        Tensor key,
        Tensor value,
        int heads,
        Tensor? keyPaddingMask,
        Tensor? attnMask,
        float dropoutP,
        Generator? generator,
        bool needWeights
    )
    {
        bool packed = ReferenceEquals(query, key) && ReferenceEquals(key, value);
        int b = query.Shape[0],
            t = query.Shape[1],
            s = key.Shape[1];
        int e = packed ? query.Shape[2] / 3 : query.Shape[2],
            d = e / heads;
        int columnsQ = query.Shape[2],
            columnsK = key.Shape[2],
            columnsV = value.Shape[2];
        var lq = HeadLayout.Interleaved(t, columnsQ, d);
        var lk = HeadLayout.Interleaved(s, columnsK, d, packed ? e : 0);
        var lv = HeadLayout.Interleaved(s, columnsV, d, packed ? 2 * e : 0);
        var lo = HeadLayout.Interleaved(t, e, d);
        var padRow = keyPaddingMask is null ? null : PaddingRow(keyPaddingMask, b, s, nameof(keyPaddingMask));
        var additive = attnMask is null ? null : AttnMaskData(attnMask, t, s, nameof(attnMask));
        if (!FusedOps.IsEnabled)
            return Composed.AttendHeads(
                query,
                key,
                value,
                heads,
                keyPaddingMask,
                attnMask,
                dropoutP,
                generator,
                needWeights
            );
        var output = TensorStorage.Uninitialized(b * t * e);
        var kernel = AttentionKernel.Forward(
            b,
            heads,
            t,
            s,
            d,
            d,
            query._data,
            lq,
            key._data,
            lk,
            value._data,
            lv,
            padRow,
            additive,
            dropoutP,
            generator,
            needWeights,
            output,
            lo
        );
        Tensor result;
        if (packed)
            result = Tensor.Record(new Tensor(output, [b, t, e]), "MultiHeadSelfAttentionBackward", [query], g =>
            {
                var grad = TensorStorage.Uninitialized(query.NumEl); // the three thirds cover every element
                kernel.BackwardFromOutput(g._data, lo, grad, grad, grad);
                return [new Tensor(grad, query._shape)];
            });
        else
            result = Tensor.Record(
                new Tensor(output, [b, t, e]),
                "MultiHeadAttentionBackward",
                [query, key, value],
                g =>
                {
                    var dq = query.RequiresGrad ? TensorStorage.Uninitialized(query.NumEl) : null;
                    var dk = key.RequiresGrad ? TensorStorage.Uninitialized(key.NumEl) : null;
                    var dv = value.RequiresGrad ? TensorStorage.Uninitialized(value.NumEl) : null;
                    kernel.BackwardFromOutput(g._data, lo, dq, dk, dv);
                    return [Wrap(dq, query), Wrap(dk, key), Wrap(dv, value)];
                }
            );
        if (!needWeights)
            return (result, null);
        Tensor[] weightInputs = packed ? [query] : [query, key];
        var weights = Tensor.Record(
            new Tensor(kernel.Weights, [b, heads, t, s]),
            "AttentionWeightsBackward",
            weightInputs,
            g =>
            {
                if (packed)
                {
                    // the value third gets no gradient from the weights: zeros
                    var grad = TensorStorage.Zeroed(query.NumEl);
                    kernel.BackwardFromWeights(g._data, grad, grad);
                    return [new Tensor(grad, query._shape)];
                }
                var dq = query.RequiresGrad ? TensorStorage.Uninitialized(query.NumEl) : null;
                var dk = key.RequiresGrad ? TensorStorage.Uninitialized(key.NumEl) : null;
                kernel.BackwardFromWeights(g._data, dq, dk);
                return [Wrap(dq, query), Wrap(dk, key)];
            }
        );
        return (result, weights);
    }

    private static Tensor? Wrap(float[]? grad, Tensor like) => grad is null ? null : new Tensor(grad, like._shape);

    /// <summary>The additive row per batch from a 0/1 key padding mask: 0 for a real key, −∞ for padding.</summary>
    private static float[] PaddingRow(Tensor mask, int b, int s, string name)
    {
        if (mask.Dim != 2 || mask.Shape[0] != b || mask.Shape[1] != s)
            throw new ArgumentException(
                $"{name} must be [B, S] = [{b}, {s}] (1 = real token, 0 = padding), got "
                    + $"{Tensor.ShapeText(mask.Shape)}.",
                name
            );
        var row = TensorStorage.Zeroed(b * s);
        var m = mask.Data;
        for (int i = 0; i < row.Length; i++)
        {
            float v = m[i];
            if (v == 0f)
                row[i] = float.NegativeInfinity;
            else if (v != 1f)
                throw new ArgumentException(
                    $"{name} must hold only 0 (padding) and 1 (real token); element {i} is {v}.",
                    name
                );
        }
        return row;
    }

    private static float[] AttnMaskData(Tensor mask, int t, int s, string name)
    {
        if (mask.Dim != 2 || mask.Shape[0] != t || mask.Shape[1] != s)
            throw new ArgumentException(
                $"{name} must be an additive float mask [T, S] = [{t}, {s}], got {Tensor.ShapeText(mask.Shape)}.",
                name
            );
        return mask._data;
    }
}
