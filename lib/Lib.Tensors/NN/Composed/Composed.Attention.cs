namespace Lib.Tensors.NN;

public static partial class Composed
{
    /// <summary>
    /// <see cref="Functional.ScaledDotProductAttention"/> from primitives: scores = q·kᵀ/√d (+ attnMask), padded
    /// keys filled with −∞, softmax over the keys, dropout (the same mask the fused op draws from
    /// <paramref name="generator"/>), then ·v. Same arguments, shapes and mask polarity (1 = a real key).
    /// </summary>
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
        int b = query.Shape[0],
            s = key.Shape[2];
        var scores = query.MatMul(key.Transpose(-2, -1)) * (1f / MathF.Sqrt(query.Shape[^1])); // [B, H, T, S]
        if (attnMask is not null)
            scores = scores + attnMask;
        if (keyPaddingMask is not null)
            scores = scores.MaskedFill((1f - keyPaddingMask).Reshape(b, 1, 1, s), float.NegativeInfinity);
        var weights = scores.Softmax(-1);
        if (dropoutP > 0f)
            weights = Functional.Dropout(weights, dropoutP, training: true, generator!);
        return (weights.MatMul(value), needWeights ? weights : null); // [B, H, T, dv]
    }

    /// <summary>
    /// Multi-head attention over projections [B, L, E] (heads side by side in the columns), as the fused
    /// <c>Functional.AttendHeads</c> computes it: split the heads to [B, H, L, d], attend, merge back to [B, T, E].
    /// When query, key and value are one packed projection [B, T, 3E], they are its thirds.
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
        if (ReferenceEquals(query, key) && ReferenceEquals(key, value))
        {
            var thirds = query.Chunk(3, dim: 2);
            (query, key, value) = (thirds[0], thirds[1], thirds[2]);
        }
        int b = query.Shape[0],
            t = query.Shape[1],
            e = query.Shape[2];
        var (output, weights) = ScaledDotProductAttention(
            SplitHeads(query, heads),
            SplitHeads(key, heads),
            SplitHeads(value, heads),
            keyPaddingMask,
            attnMask,
            dropoutP,
            generator,
            needWeights
        );
        return (output.Permute(0, 2, 1, 3).Reshape(b, t, e), weights); // [B, T, E]
    }

    /// <summary>[B, L, E] → [B, H, L, E/H].</summary>
    private static Tensor SplitHeads(Tensor x, int heads) =>
        x.Reshape(x.Shape[0], x.Shape[1], heads, x.Shape[2] / heads).Permute(0, 2, 1, 3);
}
