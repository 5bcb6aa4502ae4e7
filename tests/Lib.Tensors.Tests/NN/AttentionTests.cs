using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>
/// The fused <see cref="Functional.ScaledDotProductAttention"/> against finite differences and against the
/// same computation composed from primitive ops (MatMul, MaskedFill, Softmax, Dropout, MatMul).
/// </summary>
public class AttentionTests
{
    private const int B = 2, H = 2, T = 3, S = 4, D = 3, Dv = 2;

    /// <summary>[B, S]: batch 0 has all four keys, batch 1 only the first two.</summary>
    private static Tensor PaddingMask() => Tensor.FromArray([1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f], B, S);

    /// <summary>The oracle: the composition in the library (<see cref="Composed.ScaledDotProductAttention"/>): softmax((q·kᵀ)/√d + attnMask, padded keys at −∞), dropout, then ·v.</summary>
    private static (Tensor Output, Tensor Weights) Reference(Tensor q, Tensor k, Tensor v, Tensor? keyPaddingMask, Tensor? attnMask = null,
        float dropoutP = 0f, Generator? generator = null)
    {
        var (output, weights) = Composed.ScaledDotProductAttention(q, k, v, keyPaddingMask, attnMask, dropoutP, generator, needWeights: true);
        return (output, weights!);
    }

    private static Tensor[] Inputs(long seed) =>
        [GradCheck.Randn(seed, B, H, T, D), GradCheck.Randn(seed + 1, B, H, S, D), GradCheck.Randn(seed + 2, B, H, S, Dv)];

    [Fact]
    public void Output_gradients_match_finite_differences_with_a_padding_mask()
    {
        var mask = PaddingMask();
        GradCheck.Check(x => Functional.ScaledDotProductAttention(x[0], x[1], x[2], mask).Output, Inputs(10), eps: 1e-2f, atol: 1e-2f, rtol: 1e-2f);
    }

    [Fact]
    public void Weight_gradients_match_finite_differences_with_padding_and_an_additive_mask()
    {
        var mask = PaddingMask();
        var additive = Tensor.FromArray([0f, -1f, 0.5f, float.NegativeInfinity, 0.25f, 0f, float.NegativeInfinity, 0f, 0f, 0f, 0f, -2f], T, S);
        var value = GradCheck.Randn(22, B, H, S, Dv); // the weights do not depend on it
        GradCheck.Check(x => Functional.ScaledDotProductAttention(x[0], x[1], value, mask, additive, needWeights: true).Weights!,
            Inputs(20)[..2], eps: 1e-2f, atol: 1e-2f, rtol: 1e-2f);
        GradCheck.Check(x => Functional.ScaledDotProductAttention(x[0], x[1], x[2], mask, additive).Output, Inputs(30), eps: 1e-2f, atol: 1e-2f, rtol: 1e-2f);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Fused_op_matches_the_composition_in_values_and_gradients(bool padding, bool additive)
    {
        var mask = padding ? PaddingMask() : null;
        var attnMask = additive ? GradCheck.Uniform(5, -1f, 1f, T, S) : null;
        var fused = Inputs(40);
        var composed = fused.Select(x => x.Detach().Clone().RequireGrad()).ToArray();
        foreach (var x in fused) x.RequireGrad();
        var (o1, w1) = Functional.ScaledDotProductAttention(fused[0], fused[1], fused[2], mask, attnMask, needWeights: true);
        var (o2, w2) = Reference(composed[0], composed[1], composed[2], mask, attnMask);
        Approx.Equal(o2, o1, 1e-6f, 1e-5f, "output");
        Approx.Equal(w2, w1!, 1e-6f, 1e-5f, "weights");
        if (padding)
            for (int h = 0; h < H; h++) for (int t = 0; t < T; t++)
            {
                Assert.Equal(0f, w1![1, h, t, 2]); // padded keys get exactly zero weight
                Assert.Equal(0f, w1[1, h, t, 3]);
            }
        var uo = GradCheck.Randn(50, B, H, T, Dv);
        var uw = GradCheck.Randn(51, B, H, T, S);
        (o1.Mul(uo).Sum() + w1!.Mul(uw).Sum()).Backward();
        (o2.Mul(uo).Sum() + w2.Mul(uw).Sum()).Backward();
        string[] names = ["query", "key", "value"];
        for (int i = 0; i < 3; i++) Approx.Equal(composed[i].Grad!, fused[i].Grad!, 1e-5f, 1e-4f, $"grad {names[i]}");
    }

    /// <summary>1,280 score rows of 40: the softmax rows split across the cores (parts of at least 409 rows), still the composition's numbers.</summary>
    [Fact]
    public void A_batch_whose_softmax_rows_split_across_the_cores_matches_the_composition()
    {
        const int b = 16, h = 2, t = 40, d = 8;
        var q = GradCheck.Randn(60, b, h, t, d);
        var k = GradCheck.Randn(61, b, h, t, d);
        var v = GradCheck.Randn(62, b, h, t, d);
        var mask = Tensor.Ones(b, t);
        for (int i = 0; i < b; i++) mask.AsSpan().Slice(i * t + 5 + 2 * i, t - 5 - 2 * i).Clear();
        var (fused, weights) = Functional.ScaledDotProductAttention(q, k, v, mask, needWeights: true);
        var (composed, composedWeights) = Reference(q, k, v, mask);
        Approx.Equal(composed, fused, 1e-6f, 1e-5f, "output");
        Approx.Equal(composedWeights, weights!, 1e-6f, 1e-5f, "weights");
    }

    [Fact]
    public void Dropout_draws_the_same_mask_as_functional_dropout_on_the_weights()
    {
        var fused = Inputs(60);
        var composed = fused.Select(x => x.Detach().Clone().RequireGrad()).ToArray();
        foreach (var x in fused) x.RequireGrad();
        var (o1, w1) = Functional.ScaledDotProductAttention(fused[0], fused[1], fused[2], PaddingMask(), dropoutP: 0.4f, generator: new Generator(3), needWeights: true);
        var (o2, w2) = Reference(composed[0], composed[1], composed[2], PaddingMask(), dropoutP: 0.4f, generator: new Generator(3));
        Approx.Equal(w2, w1!, 1e-6f, 1e-5f, "dropped weights");
        Approx.Equal(o2, o1, 1e-6f, 1e-5f, "output");
        Assert.Contains(0f, w1!.ToArray()[..(T * S)]); // batch 0 has no padding: its zeros are dropped weights
        var uo = GradCheck.Randn(61, B, H, T, Dv);
        o1.Mul(uo).Sum().Backward();
        o2.Mul(uo).Sum().Backward();
        for (int i = 0; i < 3; i++) Approx.Equal(composed[i].Grad!, fused[i].Grad!, 1e-5f, 1e-4f, $"grad {i}");
        var (again, _) = Functional.ScaledDotProductAttention(fused[0], fused[1], fused[2], PaddingMask(), dropoutP: 0.4f, generator: new Generator(3));
        Assert.Equal(o1.ToArray(), again.ToArray());
    }

    [Fact]
    public void Keys_of_different_length_and_value_width_work_and_a_fully_masked_query_gives_nan_as_in_pytorch()
    {
        var (o, w) = Functional.ScaledDotProductAttention(GradCheck.Randn(1, 1, 1, 2, 3), GradCheck.Randn(2, 1, 1, 5, 3), GradCheck.Randn(3, 1, 1, 5, 4),
            keyPaddingMask: Tensor.FromArray([1f, 0f, 1f, 0f, 0f], 1, 5), needWeights: true);
        Assert.Equal([1, 1, 2, 4], o.Shape);
        Assert.Equal(1f, w![0, 0, 0, 0] + w[0, 0, 0, 2], 5);
        var (nan, _) = Functional.ScaledDotProductAttention(GradCheck.Randn(1, 1, 1, 2, 3), GradCheck.Randn(2, 1, 1, 5, 3), GradCheck.Randn(3, 1, 1, 5, 4),
            keyPaddingMask: Tensor.Zeros(1, 5));
        Assert.All(nan.ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Bad_shapes_and_masks_are_clear_errors()
    {
        var (q, k, v) = (GradCheck.Randn(1, B, H, T, D), GradCheck.Randn(2, B, H, S, D), GradCheck.Randn(3, B, H, S, Dv));
        var e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q, k, v, keyPaddingMask: Tensor.Ones(B, S + 1)));
        Assert.Contains("keyPaddingMask must be [B, S] = [2, 4]", e.Message);
        Assert.Contains("[2, 5]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q, k, v, keyPaddingMask: Tensor.Full(2f, B, S)));
        Assert.Contains("only 0 (padding) and 1 (real token)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q, k, v, attnMask: Tensor.Zeros(S, T)));
        Assert.Contains("[T, S] = [3, 4]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q, GradCheck.Randn(2, B, H, S, D + 1), v));
        Assert.Contains("key must be [B, H, S, d]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q, k, GradCheck.Randn(3, B, H, S + 1, Dv)));
        Assert.Contains("value must be [B, H, S, dv]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.ScaledDotProductAttention(q.Reshape(B * H, T, D), k, v));
        Assert.Contains("needs 4-D query", e.Message);
        Assert.Throws<ArgumentNullException>(() => Functional.ScaledDotProductAttention(q, k, v, dropoutP: 0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.ScaledDotProductAttention(q, k, v, dropoutP: 1.5f, generator: new Generator(0)));
    }

    /// <summary>[B, L, E] → [B, H, L, E/H], the copy <see cref="Functional.AttendHeads"/> avoids.</summary>
    private static Tensor SplitHeads(Tensor x, int heads) => x.Reshape(x.Shape[0], x.Shape[1], heads, x.Shape[2] / heads).Permute(0, 2, 1, 3);

    [Theory]
    [InlineData(true, 0f, false)]
    [InlineData(true, 0.3f, true)]
    [InlineData(false, 0f, true)]
    [InlineData(false, 0.3f, false)]
    public void Heads_read_in_place_from_projections_match_split_attend_and_merge(bool packed, float dropoutP, bool needWeights)
    {
        const int heads = 2, e = 6;
        var mask = PaddingMask();
        var attnMask = GradCheck.Uniform(7, -1f, 1f, T, S);
        // Packed: one [B, T, 3E] projection (self-attention, so S = T here); else q [B, T, E], k and v [B, S, E].
        int s = packed ? T : S;
        var keys = packed ? Tensor.FromArray([1f, 1f, 1f, 1f, 0f, 1f], B, T) : mask;
        var additive = packed ? GradCheck.Uniform(7, -1f, 1f, T, T) : attnMask;
        Tensor[] fused = packed ? [GradCheck.Randn(70, B, T, 3 * e)] : [GradCheck.Randn(71, B, T, e), GradCheck.Randn(72, B, s, e), GradCheck.Randn(73, B, s, e)];
        var composed = fused.Select(x => x.Detach().Clone().RequireGrad()).ToArray();
        foreach (var x in fused) x.RequireGrad();

        var (o1, w1) = packed
            ? Functional.AttendHeads(fused[0], fused[0], fused[0], heads, keys, additive, dropoutP, new Generator(9), needWeights)
            : Functional.AttendHeads(fused[0], fused[1], fused[2], heads, keys, additive, dropoutP, new Generator(9), needWeights);
        var (q, k, v) = packed
            ? (composed[0].Narrow(2, 0, e), composed[0].Narrow(2, e, e), composed[0].Narrow(2, 2 * e, e))
            : (composed[0], composed[1], composed[2]);
        var (split, w2) = Functional.ScaledDotProductAttention(SplitHeads(q, heads), SplitHeads(k, heads), SplitHeads(v, heads),
            keys, additive, dropoutP, new Generator(9), needWeights);
        var o2 = split.Permute(0, 2, 1, 3).Reshape(B, T, e);

        Approx.Equal(o2, o1, 1e-6f, 1e-5f, "output");
        var uo = GradCheck.Randn(74, B, T, e);
        var loss1 = o1.Mul(uo).Sum();
        var loss2 = o2.Mul(uo).Sum();
        if (needWeights)
        {
            Approx.Equal(w2!, w1!, 1e-6f, 1e-5f, "weights");
            var uw = GradCheck.Randn(75, B, heads, T, s);
            loss1 = loss1 + w1!.Mul(uw).Sum();
            loss2 = loss2 + w2!.Mul(uw).Sum();
        }
        else Assert.Null(w1);
        loss1.Backward();
        loss2.Backward();
        for (int i = 0; i < fused.Length; i++) Approx.Equal(composed[i].Grad!, fused[i].Grad!, 1e-5f, 1e-4f, $"grad {i}");
    }
}
