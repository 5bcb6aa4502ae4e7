using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class LayerNormTests
{
    public static TheoryData<int[], int[], bool, bool> Cases => new()
    {
        { [3, 5, 4], [4], true, true },
        { [3, 5, 4], [5, 4], true, true },
        { [2, 6], [6], false, false },
        { [2, 6], [6], true, false },
        { [2, 3, 6], [6], false, true },
        { [7], [7], true, true },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Fused_op_matches_the_composition_in_values_and_gradients(int[] shape, int[] normalizedShape, bool withWeight, bool withBias)
    {
        var x = (GradCheck.Randn(1, shape) * 2f + 0.5f).Detach().RequireGrad();
        var w = withWeight ? (GradCheck.Randn(2, normalizedShape) * 0.1f + 1f).Detach().RequireGrad() : null;
        var b = withBias ? (GradCheck.Randn(3, normalizedShape) * 0.1f).Detach().RequireGrad() : null;
        var upstream = GradCheck.Randn(4, shape);

        var fused = Functional.LayerNorm(x, normalizedShape, w, b);
        (fused * upstream).Sum().Backward();
        var (gx, gw, gb) = (x.Grad!, w?.Grad, b?.Grad);
        x.Grad = null;
        if (w is not null) w.Grad = null;
        if (b is not null) b.Grad = null;

        var composed = Composed.LayerNorm(x, normalizedShape, w, b, 1e-5f);
        (composed * upstream).Sum().Backward();
        Approx.Equal(composed, fused, 1e-5f, 1e-4f, "output");
        Approx.Equal(x.Grad!, gx, 1e-4f, 1e-3f, "grad x");
        if (w is not null) Approx.Equal(w.Grad!, gw!, 1e-4f, 1e-3f, "grad weight");
        if (b is not null) Approx.Equal(b.Grad!, gb!, 1e-4f, 1e-3f, "grad bias");
    }

    /// <summary>600 rows of 128: the forward's rows split across the cores (parts of at least 256 rows).</summary>
    [Fact]
    public void A_batch_whose_rows_split_across_the_cores_matches_the_composition() =>
        Fused_op_matches_the_composition_in_values_and_gradients([600, 128], [128], withWeight: true, withBias: true);

    [Theory, MemberData(nameof(Cases))]
    public void Gradients_match_finite_differences(int[] shape, int[] normalizedShape, bool withWeight, bool withBias)
    {
        var inputs = new List<Tensor> { GradCheck.Randn(5, shape) };
        if (withWeight) inputs.Add(GradCheck.Uniform(6, 0.5f, 1.5f, normalizedShape));
        if (withBias) inputs.Add(GradCheck.Randn(7, normalizedShape));
        GradCheck.Check(t => Functional.LayerNorm(t[0], normalizedShape, withWeight ? t[1] : null, withBias ? t[^1] : null), [.. inputs]);
    }

    [Fact]
    public void Rows_are_normalised_to_zero_mean_and_unit_variance()
    {
        var y = Functional.LayerNorm(Tensor.FromArray([1f, 2f, 3f, 4f, 0f, 0f, 4f, 4f], 2, 4), [4], eps: 0f);
        // (x − 2.5) / √1.25, and (x − 2) / 2
        Approx.Equal([-1.3416408f, -0.4472136f, 0.4472136f, 1.3416408f, -1f, -1f, 1f, 1f], y.ToArray());
        // A constant row is all zeros thanks to eps.
        Assert.All(Functional.LayerNorm(Tensor.Full(3f, 1, 4), [4]).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Bad_shapes_are_clear_errors()
    {
        var x = Tensor.Ones(2, 3, 4);
        Assert.Contains("must end in normalizedShape [3]", Assert.Throws<ArgumentException>(() => Functional.LayerNorm(x, [3])).Message);
        Assert.Contains("weight has shape [3]", Assert.Throws<ArgumentException>(() => Functional.LayerNorm(x, [4], Tensor.Ones(3))).Message);
        Assert.Contains("bias", Assert.Throws<ArgumentException>(() => Functional.LayerNorm(x, [3, 4], null, Tensor.Ones(4))).Message);
        Assert.Throws<ArgumentException>(() => Functional.LayerNorm(x, []));
        Assert.Throws<ArgumentException>(() => Functional.LayerNorm(x, [1, 2, 3, 4]));
    }
}
