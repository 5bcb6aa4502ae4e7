using Lib.Tensors.Memory;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Autograd;

/// <summary>
/// Backward sums gradients in place, hands a gradient nobody else sees to a leaf and reuses consumed
/// gradients' arrays (above <see cref="GradientArena.MinLength"/> elements): none of
/// that may change a result or alias two tensors the caller sees.
/// </summary>
public class GradientArenaTests : IDisposable
{
    /// <summary>These tests are about the pooled allocator: they use it whatever LAB_TENSOR_ALLOCATOR says.</summary>
    private readonly TensorAllocator.UseScope _pooled = TensorAllocator.Use(TensorAllocator.Pooled);

    /// <inheritdoc/>
    public void Dispose() => _pooled.Dispose();

    private const int Rows = 32, Cols = 40; // 1,280 elements: the arena's arrays are used

    [Fact]
    public void Branching_residual_and_reshaped_graphs_still_match_finite_differences()
    {
        GradCheck.Check(t =>
        {
            var x = t[0];
            var y1 = x * 2f;
            var y2 = y1 + x;                                   // AddBackward hands one gradient to both inputs
            var y3 = y2.Reshape(Cols, Rows).Tanh().Reshape(Rows, Cols); // views of one array
            var y4 = (y3 + y1) * x + t[1].Sigmoid() * y2;      // x, y1 and y2 each collect several terms
            return y4.Sigmoid() + y4 * 0.5f;
        }, [GradCheck.Uniform(1, -1f, 1f, Rows, Cols), GradCheck.Randn(2, Rows, Cols)], eps: 1e-2f, atol: 3e-2f, rtol: 3e-2f);
    }

    [Fact]
    public void Leaves_sharing_one_gradient_get_arrays_of_their_own_and_the_root_gradient_is_left_alone()
    {
        var x = Tensor.Zeros(Rows, Cols).RequireGrad();
        var y = Tensor.Zeros(Rows, Cols).RequireGrad();
        var upstream = GradCheck.Randn(3, Rows, Cols);
        var expected = upstream.ToArray();
        (x + y).Backward(upstream);
        Assert.Equal(expected, x.Grad!.ToArray());
        Assert.Equal(expected, y.Grad!.ToArray());
        x.Grad!.AsSpan()[0] = 99f;
        Assert.Equal(expected[0], y.Grad!.ToArray()[0]);
        Assert.Equal(expected, upstream.ToArray());
        upstream.AsSpan()[1] = 42f;
        Assert.Equal(expected[1], x.Grad!.ToArray()[1]);
        Assert.Equal(expected[1], y.Grad!.ToArray()[1]);
    }

    [Fact]
    public void A_gradient_taken_by_a_leaf_is_not_reused_by_a_later_result_of_the_same_pass()
    {
        // w's gradient is complete early (it is used once, near the output); later rules then allocate arrays
        // of the same size while x's gradient is still being summed.
        var x = GradCheck.Randn(4, Rows, Cols).RequireGrad();
        var w = GradCheck.Randn(5, Rows, Cols).RequireGrad();
        var h = (x * 3f).Tanh();
        var loss = ((h * w).Sigmoid() + h * x).Sum();
        loss.Backward();
        var wGrad = w.Grad!.ToArray();
        var xGrad = x.Grad!.ToArray();

        var x2 = x.Detach().Clone().RequireGrad();
        var w2 = w.Detach().Clone().RequireGrad();
        var h2 = (x2 * 3f).Tanh();
        ((h2 * w2).Sigmoid() + h2 * x2).Sum().Backward();
        Assert.Equal(wGrad, w2.Grad!.ToArray());
        Assert.Equal(xGrad, x2.Grad!.ToArray());
        // And against the analytic gradient of w: σ'(h·w)·h.
        var hv = h.ToArray();
        var wv = w.ToArray();
        for (int i = 0; i < wv.Length; i++)
        {
            float s = 1f / (1f + MathF.Exp(-hv[i] * wv[i]));
            Assert.Equal(s * (1f - s) * hv[i], wGrad[i], 1e-6f);
        }
    }

    [Fact]
    public void A_retained_gradient_is_not_changed_by_later_sums()
    {
        var x = GradCheck.Randn(6, Rows, Cols).RequireGrad();
        var a = (x * 2f).RetainGrad();
        var loss = (a * a + a.Tanh()).Sum();
        loss.Backward();
        var retained = a.Grad!.ToArray();
        var av = a.ToArray();
        for (int i = 0; i < av.Length; i++)
        {
            float t = MathF.Tanh(av[i]);
            Assert.Equal(2f * av[i] + 1f - t * t, retained[i], 1e-5f * (1f + MathF.Abs(retained[i])));
        }
        var xg = x.Grad!.ToArray();
        for (int i = 0; i < xg.Length; i++) Assert.Equal(2f * retained[i], xg[i], 1e-5f * (1f + MathF.Abs(xg[i])));
    }

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 0, 2, 1 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory, MemberData(nameof(Orders))]
    public void A_gradient_shared_by_two_inputs_is_not_summed_into_in_place(int[] order)
    {
        // (p + q) hands one array to p and to q; p and q each collect more terms, which must go to a new
        // array (or into a term nobody else sees), never into the one the other still holds. Every order of
        // the three branches is tried, since the engine meets them in an order that depends on it.
        var x = GradCheck.Randn(7, Rows, Cols).RequireGrad();
        var c = GradCheck.Randn(8, Rows, Cols);
        var d = GradCheck.Randn(9, Rows, Cols);
        var p = x * 2f;
        var q = x * 3f;
        Tensor[] terms = [(p + q) * c, p.Sigmoid(), q.Tanh() * d];
        var loss = order.Select(i => terms[i]).Aggregate((a, b) => a + b).Sum();
        loss.Backward();
        var (xv, cv, dv, grad) = (x.ToArray(), c.ToArray(), d.ToArray(), x.Grad!.ToArray());
        for (int i = 0; i < xv.Length; i++)
        {
            float sg = 1f / (1f + MathF.Exp(-2f * xv[i]));
            float th = MathF.Tanh(3f * xv[i]);
            float expected = 5f * cv[i] + 2f * sg * (1f - sg) + 3f * dv[i] * (1f - th * th);
            Assert.Equal(expected, grad[i], 1e-5f * (1f + MathF.Abs(expected)));
        }
    }

    [Fact]
    public void Fused_rules_on_the_arena_s_arrays_match_finite_differences()
    {
        // GELU, layer norm, tanh, dropout, ReLU and sigmoid backward on arrays the arena issues and reuses;
        // [1, N] · [N] is a same-size product of different shapes.
        GradCheck.Check(t =>
        {
            var h = Functional.LayerNorm(t[0].Gelu(), [Cols]) + t[0];
            var d = Functional.Dropout(h.Tanh(), 0.2f, training: true, new Generator(3));
            var flat = d.Reshape(1, Rows * Cols) * t[1].Relu().Reshape(Rows * Cols);
            return flat.Sigmoid() * flat;
        }, [GradCheck.Uniform(11, -1f, 1f, Rows, Cols), GradCheck.Uniform(12, 0.1f, 1f, Rows, Cols)], eps: 1e-2f, atol: 3e-2f, rtol: 3e-2f);
    }
}
