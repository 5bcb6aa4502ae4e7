using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class CrossEntropyTests
{
    private static IndexTensor Targets(params int[] values) => IndexTensor.FromArray(values);

    /// <summary>
    /// The oracle, composed from primitives with one-hot constants (PyTorch 1.13's definition):
    /// loss_i = (1 − ε)·(−w[y_i]·logp_i[y_i]) + (ε/C)·Σ_c −w_c·logp_i[c], 0 where ignored;
    /// the mean divides by Σ w[y_i] over the targets not ignored.
    /// </summary>
    private static Tensor Composed(Tensor logits, int[] target, float[]? weight, int ignoreIndex, float eps, Reduction reduction)
    {
        int n = logits.Size(0), c = logits.Size(1);
        var oneHot = new float[n * c];
        var valid = new float[n];
        for (int i = 0; i < n; i++)
            if (target[i] != ignoreIndex) { oneHot[i * c + target[i]] = 1f; valid[i] = 1f; }
        var w = weight is null ? Tensor.Ones(c) : Tensor.FromArray(weight);
        var logp = logits.LogSoftmax(1);
        var nll = -(logp * Tensor.FromArray(oneHot, n, c) * w).Sum(1);
        var smooth = -(logp * w).Sum(1);
        var mask = Tensor.FromArray(valid);
        var loss = ((1f - eps) * nll + (eps / c) * smooth) * mask;
        var targetWeight = (Tensor.FromArray(oneHot, n, c) * w).Sum(1) * mask;
        return reduction switch
        {
            Reduction.None => loss,
            Reduction.Sum => loss.Sum(),
            _ => loss.Sum() / targetWeight.Sum(),
        };
    }

    [Fact]
    public void Values_match_hand_computed_numbers()
    {
        var logits = Tensor.FromArray([1f, 2f, 3f, 1f, 2f, 3f], 2, 3);
        Approx.Equal([0.4076059f, 2.4076059f], Functional.CrossEntropy(logits, Targets(2, 0), reduction: Reduction.None).ToArray());
        Assert.Equal(1.4076059f, Functional.CrossEntropy(logits, Targets(2, 0)).Item(), 5);
        Assert.Equal(2.8152118f, Functional.CrossEntropy(logits, Targets(2, 0), reduction: Reduction.Sum).Item(), 5);
        // Class weights: (3·0.4076 + 1·2.4076) / (3 + 1)
        var w = Tensor.FromArray([1f, 2f, 3f]);
        Assert.Equal((3 * 0.4076059f + 2.4076059f) / 4, Functional.CrossEntropy(logits, Targets(2, 0), w).Item(), 5);
        // Label smoothing 0.1: 0.9·0.4076 + (0.1/3)·(2.4076 + 1.4076 + 0.4076)
        Assert.Equal(0.5076059f, Functional.CrossEntropy(logits, Targets(2, 2), labelSmoothing: 0.1f).Item(), 5);
    }

    [Fact]
    public void Ignored_targets_count_for_nothing_and_all_ignored_gives_nan()
    {
        var logits = Tensor.FromArray([1f, 2f, 3f, 1f, 2f, 3f], 2, 3).RequireGrad();
        Approx.Equal([0.4076059f, 0f], Functional.CrossEntropy(logits, Targets(2, -100), reduction: Reduction.None).ToArray());
        Assert.Equal(0.4076059f, Functional.CrossEntropy(logits, Targets(2, -100)).Item(), 5);
        Assert.Equal(0.4076059f, Functional.CrossEntropy(logits, Targets(2, 1), ignoreIndex: 1).Item(), 5);
        var all = Functional.CrossEntropy(logits, Targets(-100, -100));
        Assert.True(float.IsNaN(all.Item()));
        all.Backward();
        Assert.All(logits.Grad!.ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(0f, Functional.CrossEntropy(logits, Targets(-100, -100), reduction: Reduction.Sum).Item());
        Assert.True(float.IsNaN(Functional.CrossEntropy(logits, Targets(-100, -100), Tensor.FromArray([1f, 2f, 3f]), labelSmoothing: 0.2f).Item()));
    }

    public static TheoryData<bool, int, float, Reduction> Cases()
    {
        var data = new TheoryData<bool, int, float, Reduction>();
        foreach (bool weighted in new[] { false, true })
            foreach (int ignore in new[] { -100, 3 })
                foreach (float eps in new[] { 0f, 0.1f })
                    foreach (var r in Enum.GetValues<Reduction>()) data.Add(weighted, ignore, eps, r);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Matches_the_one_hot_definition_with_weight_ignore_and_smoothing(bool weighted, int ignoreIndex, float eps, Reduction reduction)
    {
        // The last target is ignored (the ignore index itself); with ignore index 3 so are the two 3s.
        int[] target = [0, 3, 4, 3, 1, ignoreIndex];
        float[]? weight = weighted ? [0.5f, 1f, 2f, 1.5f, 3f] : null;
        var x = (GradCheck.Randn(1, 6, 5) * 1.5f).Detach().RequireGrad();
        var fused = Functional.CrossEntropy(x, IndexTensor.FromArray(target), weight is null ? null : Tensor.FromArray(weight), ignoreIndex, eps, reduction);
        var composed = Composed(x, target, weight, ignoreIndex, eps, reduction);
        Approx.Equal(composed, fused, 1e-5f, 1e-5f, "loss");
        var upstream = GradCheck.Randn(9, [.. fused.Shape]);
        (fused * upstream).Sum().Backward();
        var g = x.Grad!;
        x.Grad = null;
        (composed * upstream).Sum().Backward();
        Approx.Equal(x.Grad!, g, 1e-5f, 1e-4f, "gradient");
    }

    [Theory, MemberData(nameof(Cases))]
    public void Gradients_match_finite_differences(bool weighted, int ignoreIndex, float eps, Reduction reduction)
    {
        var target = IndexTensor.FromArray([0, 3, 4, 3, 1, ignoreIndex]);
        var weight = weighted ? Tensor.FromArray([0.5f, 1f, 2f, 1.5f, 3f]) : null;
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target, weight, ignoreIndex, eps, reduction), [GradCheck.Randn(2, 6, 5) * 1.5f]);
    }

    [Theory]
    [InlineData(Reduction.None)]
    [InlineData(Reduction.Mean)]
    public void Extra_dimensions_match_the_flattened_layout(Reduction reduction)
    {
        // input [N, C, L] with target [N, L] is the same as [N·L, C] with the targets flattened.
        var x = (GradCheck.Randn(3, 2, 4, 3) * 1.5f).Detach().RequireGrad();
        var target = IndexTensor.FromArray([0, 3, -100, 1, 2, 2], 2, 3);
        var loss = Functional.CrossEntropy(x, target, labelSmoothing: 0.1f, reduction: reduction);
        var flat = Functional.CrossEntropy(x.Permute(0, 2, 1).Reshape(6, 4), target.Reshape(6), labelSmoothing: 0.1f, reduction: reduction);
        Assert.Equal(reduction == Reduction.None ? [2, 3] : [], loss.Shape);
        Approx.Equal(flat.ToArray(), loss.ToArray());
        loss.Sum().Backward();
        var g = x.Grad!;
        x.Grad = null;
        flat.Sum().Backward();
        Approx.Equal(x.Grad!, g);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target, reduction: reduction), [GradCheck.Randn(4, 2, 4, 3)]);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], IndexTensor.FromArray([0, 1, 3, 2, 1, 0, 1, 2], 2, 2, 2), reduction: reduction), [GradCheck.Randn(5, 2, 4, 2, 2)]);
    }

    [Fact]
    public void A_single_unbatched_row_and_large_logits()
    {
        var scalarTarget = IndexTensor.FromArray([2]).Reshape();
        var loss = Functional.CrossEntropy(Tensor.FromArray([1f, 2f, 3f]), scalarTarget, reduction: Reduction.None);
        Assert.Equal([], loss.Shape);
        Assert.Equal(0.4076059f, loss.Item(), 5);
        var big = Tensor.FromArray([1000f, 0f, -1000f, 1000f, 0f, -1000f], 2, 3).RequireGrad();
        var values = Functional.CrossEntropy(big, Targets(0, 1), reduction: Reduction.None);
        Approx.Equal([0f, 1000f], values.ToArray());
        values.Sum().Backward();
        Approx.Equal([0f, 0f, 0f, 1f, -1f, 0f], big.Grad!.ToArray());
    }

    [Fact]
    public void Bad_targets_and_shapes_are_clear_errors()
    {
        var x = Tensor.Zeros(2, 3);
        var error = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(x, Targets(0, 5)));
        Assert.Contains("target 5 at target[1] is out of range for 3 classes", error.Message);
        Assert.Contains("target -1 at target[0]", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(x, Targets(-1, 0))).Message);
        Assert.Contains("target 3 at target[1, 0]", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3, 2), IndexTensor.FromArray([0, 1, 3, 0], 2, 2))).Message);
        Assert.Contains("expected [2]", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(x, Targets(0, 1, 2))).Message);
        Assert.Contains("expected [2, 4]", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3, 4), Targets(0, 1))).Message);
        Assert.Contains("weight must be [3]", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(x, Targets(0, 1), Tensor.Ones(2))).Message);
        Assert.Contains("labelSmoothing", Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(x, Targets(0, 1), labelSmoothing: 1.5f)).Message);
        Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Scalar(1f), Targets(0)));
    }
}
