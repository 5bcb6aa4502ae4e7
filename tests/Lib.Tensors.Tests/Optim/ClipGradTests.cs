using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.Optim;

public class ClipGradTests
{
    private static Tensor WithGrad(params float[] grad)
    {
        var p = Tensor.Zeros(grad.Length).RequireGrad();
        p.Grad = Tensor.FromArray(grad);
        return p;
    }

    [Fact]
    public void Norm_clipping_scales_all_gradients_together()
    {
        var a = WithGrad(3f, 4f);
        var b = WithGrad(12f);
        var none = Tensor.Zeros(2).RequireGrad();
        double total = ClipGrad.ClipGradNorm([a, b, none], maxNorm: 6.5);
        Assert.Equal(13.0, total, 6);
        float coef = (float)(6.5 / (13 + 1e-6));
        Assert.Equal([3f * coef, 4f * coef], a.Grad!.ToArray());
        Assert.Equal([12f * coef], b.Grad!.ToArray());
        Assert.Null(none.Grad);
    }

    [Fact]
    public void Norm_clipping_leaves_small_gradients_alone()
    {
        var a = WithGrad(3f, 4f);
        Assert.Equal(5.0, ClipGrad.ClipGradNorm([a], maxNorm: 5.0001), 6);
        Assert.Equal([3f, 4f], a.Grad!.ToArray());
        Assert.Equal(0.0, ClipGrad.ClipGradNorm([Tensor.Zeros(1)], 1.0));
    }

    [Fact]
    public void Other_norm_types()
    {
        Assert.Equal(12.0, ClipGrad.ClipGradNorm([WithGrad(3f, -4f), WithGrad(-12f)], 100, double.PositiveInfinity));
        Assert.Equal(19.0, ClipGrad.ClipGradNorm([WithGrad(3f, -4f), WithGrad(-12f)], 100, 1), 6);
        Assert.Equal(Math.Pow(27 + 64 + 1728, 1 / 3.0), ClipGrad.ClipGradNorm([WithGrad(3f, -4f), WithGrad(-12f)], 100, 3), 6);
        var a = WithGrad(-3f, 1f);
        ClipGrad.ClipGradNorm([a], 1.5, double.PositiveInfinity);
        Assert.Equal(-1.5f, a.Grad!.ToArray()[0], 5);
    }

    [Fact]
    public void Non_finite_norms_are_an_error_when_asked()
    {
        var a = WithGrad(float.NaN, 1f);
        Assert.True(double.IsNaN(ClipGrad.ClipGradNorm([a], 1.0)));
        Assert.Throws<InvalidOperationException>(() => ClipGrad.ClipGradNorm([WithGrad(float.PositiveInfinity)], 1.0, errorIfNonfinite: true));
    }

    [Fact]
    public void Value_clipping_clamps_each_element()
    {
        var a = WithGrad(-2f, 0.3f, 0.7f);
        ClipGrad.ClipGradValue([a, Tensor.Zeros(1)], 0.5);
        Assert.Equal([-0.5f, 0.3f, 0.5f], a.Grad!.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipGrad.ClipGradValue([a], -1));
    }
}
