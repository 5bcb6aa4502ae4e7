using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class BceWithLogitsTests
{
    /// <summary>The oracle: −w·[p·t·log σ(x) + (1 − t)·log(1 − σ(x))] composed from primitives (fine for moderate logits).</summary>
    private static Tensor Naive(Tensor x, Tensor t, Tensor? weight, Tensor? posWeight)
    {
        var s = x.Sigmoid();
        var positive = t * s.Log();
        if (posWeight is not null) positive = positive * posWeight;
        var loss = -(positive + (1f - t) * (1f - s).Log());
        return weight is null ? loss : loss * weight;
    }

    [Fact]
    public void Values_match_hand_computed_numbers()
    {
        var x = Tensor.FromArray([0f, 2f, -1f]);
        var t = Tensor.FromArray([1f, 0f, 0.25f]);
        Approx.Equal([0.6931472f, 2.1269280f, 0.5632617f], Functional.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.None).ToArray());
        var pw = Tensor.FromArray([2f, 1f, 3f]);
        Approx.Equal([1.3862944f, 2.1269280f, 1.2198932f], Functional.BinaryCrossEntropyWithLogits(x, t, posWeight: pw, reduction: Reduction.None).ToArray());
        Assert.Equal((0.6931472f + 2.1269280f + 0.5632617f) / 3, Functional.BinaryCrossEntropyWithLogits(x, t).Item(), 5);
        Assert.Equal(2 * 0.6931472f + 2.1269280f, Functional.BinaryCrossEntropyWithLogits(x, t, Tensor.FromArray([2f, 1f, 0f]), reduction: Reduction.Sum).Item(), 5);
    }

    [Fact]
    public void Large_logits_are_stable()
    {
        var x = Tensor.FromArray([1000f, -1000f, 1000f, -1000f]).RequireGrad();
        var t = Tensor.FromArray([1f, 0f, 0f, 1f]);
        var loss = Functional.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.None);
        Assert.Equal([0f, 0f, 1000f, 1000f], loss.ToArray());
        loss.Sum().Backward();
        Assert.Equal([0f, 0f, 1f, -1f], x.Grad!.ToArray());
        var withPw = Functional.BinaryCrossEntropyWithLogits(x, t, posWeight: Tensor.FromArray([3f]), reduction: Reduction.None);
        Assert.Equal([0f, 0f, 1000f, 3000f], withPw.ToArray());
    }

    [Fact]
    public void Matches_the_naive_formula_with_broadcast_weight_and_pos_weight()
    {
        var x = GradCheck.Randn(1, 4, 3) * 2f;
        var t = GradCheck.Uniform(2, 0f, 1f, 4, 3);
        var weight = GradCheck.Uniform(3, 0.5f, 2f, 4, 1);
        var pw = Tensor.FromArray([0.5f, 2f, 3f]);
        Approx.Equal(Naive(x, t, weight, pw), Functional.BinaryCrossEntropyWithLogits(x, t, weight, pw, Reduction.None), 1e-5f, 1e-5f);
        Approx.Equal(Naive(x, t, null, null).Mean(), Functional.BinaryCrossEntropyWithLogits(x, t), 1e-5f, 1e-5f);
    }

    public static TheoryData<bool, bool, Reduction> Cases()
    {
        var data = new TheoryData<bool, bool, Reduction>();
        foreach (bool w in new[] { false, true })
            foreach (bool pw in new[] { false, true })
                foreach (var r in Enum.GetValues<Reduction>()) data.Add(w, pw, r);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Gradients_to_input_and_target_match_finite_differences(bool withWeight, bool withPosWeight, Reduction reduction)
    {
        var weight = withWeight ? GradCheck.Uniform(3, 0.5f, 2f, 4, 1) : null;
        var pw = withPosWeight ? Tensor.FromArray([0.5f, 2f, 3f]) : null;
        GradCheck.Check(t => Functional.BinaryCrossEntropyWithLogits(t[0], t[1], weight, pw, reduction),
            [GradCheck.Randn(1, 4, 3) * 2f, GradCheck.Uniform(2, 0f, 1f, 4, 3)]);
    }

    [Fact]
    public void Bad_shapes_are_clear_errors()
    {
        var x = Tensor.Zeros(4, 3);
        Assert.Contains("target of shape [4] does not match", Assert.Throws<ArgumentException>(() => Functional.BinaryCrossEntropyWithLogits(x, Tensor.Zeros(4))).Message);
        Assert.Contains("posWeight of shape [2] does not broadcast to the input's shape [4, 3]",
            Assert.Throws<ArgumentException>(() => Functional.BinaryCrossEntropyWithLogits(x, x, posWeight: Tensor.Ones(2))).Message);
        Assert.Contains("weight of shape [2, 4, 3]", Assert.Throws<ArgumentException>(() => Functional.BinaryCrossEntropyWithLogits(x, x, Tensor.Ones(2, 4, 3))).Message);
    }

    [Theory]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    [InlineData(Reduction.None)]
    public void The_unweighted_simd_form_matches_the_scalar_form_with_unit_weights(Reduction reduction)
    {
        // 37 x 11 logits spanning the saturated tails; weight 1 takes the scalar loop, no weight the SIMD lanes.
        var x = (GradCheck.Randn(5, 37, 11) * 6f).RequireGrad();
        var t = GradCheck.Uniform(6, 0f, 1f, 37, 11).RequireGrad();
        var x1 = x.Detach().Clone().RequireGrad();
        var t1 = t.Detach().Clone().RequireGrad();
        var lanes = Functional.BinaryCrossEntropyWithLogits(x, t, reduction: reduction);
        var scalar = Functional.BinaryCrossEntropyWithLogits(x1, t1, Tensor.Ones(1), reduction: reduction);
        Approx.Equal(scalar, lanes, 1e-6f, 1e-5f, "loss");
        var up = reduction == Reduction.None ? GradCheck.Randn(7, 37, 11) : Tensor.Scalar(1.5f);
        lanes.Backward(up);
        scalar.Backward(up);
        Approx.Equal(x1.Grad!, x.Grad!, 1e-7f, 1e-5f, "d/dinput");
        Approx.Equal(t1.Grad!, t.Grad!, 1e-7f, 1e-5f, "d/dtarget");
    }
}
