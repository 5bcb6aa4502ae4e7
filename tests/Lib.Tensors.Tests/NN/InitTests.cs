using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class InitTests
{
    private static (double Mean, double Std, double MaxAbs) Stats(Tensor t)
    {
        var v = t.ToArray();
        double mean = v.Average();
        double std = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average());
        return (mean, std, v.Max(x => Math.Abs(x)));
    }

    [Fact]
    public void Fans_follow_pytorch_for_matrices_and_kernels()
    {
        Assert.Equal((3, 5), Init.CalculateFanInAndFanOut(Tensor.Zeros(5, 3)));
        Assert.Equal((3 * 2 * 4, 5 * 2 * 4), Init.CalculateFanInAndFanOut(Tensor.Zeros(5, 3, 2, 4)));
        var e = Assert.Throws<ArgumentException>(() => Init.CalculateFanInAndFanOut(Tensor.Zeros(5)));
        Assert.Contains("[5]", e.Message);
    }

    [Fact]
    public void Gains_are_pytorchs()
    {
        Assert.Equal(1.0, Init.CalculateGain("linear"));
        Assert.Equal(1.0, Init.CalculateGain("sigmoid"));
        Assert.Equal(5.0 / 3, Init.CalculateGain("tanh"));
        Assert.Equal(Math.Sqrt(2), Init.CalculateGain("relu"));
        Assert.Equal(Math.Sqrt(2 / 1.0001), Init.CalculateGain("leaky_relu"), 12);
        Assert.Equal(Math.Sqrt(2.0 / 6), Init.CalculateGain("leaky_relu", Math.Sqrt(5)), 12);
        Assert.Throws<ArgumentException>(() => Init.CalculateGain("swish"));
    }

    [Fact]
    public void Kaiming_uniform_with_a_sqrt5_is_bounded_by_one_over_sqrt_fan_in()
    {
        var w = Init.KaimingUniform(Tensor.Zeros(200, 400), new Generator(1), a: Math.Sqrt(5));
        double bound = 1 / Math.Sqrt(400);
        var (mean, std, maxAbs) = Stats(w);
        Assert.True(maxAbs <= bound, $"max |w| {maxAbs} exceeds the bound {bound}");
        Assert.True(maxAbs > 0.99 * bound, $"max |w| {maxAbs} never approaches the bound {bound}");
        Assert.InRange(mean, -0.01 * bound, 0.01 * bound);
        Assert.InRange(std, 0.98 * bound / Math.Sqrt(3), 1.02 * bound / Math.Sqrt(3)); // U(-b, b) has std b/√3
    }

    [Fact]
    public void Kaiming_uniform_for_relu_and_fan_out()
    {
        var w = Init.KaimingUniform(Tensor.Zeros(100, 300), new Generator(2), mode: "fan_out", nonlinearity: "relu");
        double bound = Math.Sqrt(2) * Math.Sqrt(3.0 / 100);
        var (_, _, maxAbs) = Stats(w);
        Assert.InRange(maxAbs, 0.99 * bound, bound);
        Assert.Throws<ArgumentException>(() => Init.KaimingUniform(Tensor.Zeros(3, 3), new Generator(0), mode: "fan_avg"));
    }

    [Fact]
    public void Xavier_uniform_bound_uses_both_fans()
    {
        var w = Init.XavierUniform(Tensor.Zeros(300, 100), new Generator(3), gain: 2);
        double bound = 2 * Math.Sqrt(6.0 / 400);
        var (_, std, maxAbs) = Stats(w);
        Assert.InRange(maxAbs, 0.99 * bound, bound);
        Assert.InRange(std, 0.98 * bound / Math.Sqrt(3), 1.02 * bound / Math.Sqrt(3));
    }

    [Fact]
    public void Normal_uniform_and_constants_fill_in_place()
    {
        var t = Tensor.Zeros(100, 100);
        Assert.Same(t, Init.Normal(t, new Generator(4), mean: 2, std: 0.5));
        var (mean, std, _) = Stats(t);
        Assert.InRange(mean, 1.98, 2.02);
        Assert.InRange(std, 0.49, 0.51);
        Init.Uniform(t, new Generator(5), -3, -2);
        Assert.All(t.ToArray(), v => Assert.InRange(v, -3f, -2f));
        Assert.All(Init.Ones(t).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Init.Zeros(t).ToArray(), v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentException>(() => Init.Uniform(t, new Generator(0), 1, 0));
    }

    [Fact]
    public void Initialisation_repeats_for_a_seed_and_needs_no_graph()
    {
        var a = Init.KaimingUniform(Tensor.Zeros(4, 5).RequireGrad(), new Generator(9), a: Math.Sqrt(5));
        var b = Init.KaimingUniform(Tensor.Zeros(4, 5), new Generator(9), a: Math.Sqrt(5));
        var c = Init.KaimingUniform(Tensor.Zeros(4, 5), new Generator(10), a: Math.Sqrt(5));
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
        Assert.True(a.IsLeaf);
    }

    [Fact]
    public void Zero_element_tensors_are_left_alone()
    {
        var empty = Tensor.Zeros(0, 3);
        Assert.Same(empty, Init.KaimingUniform(empty, new Generator(0)));
        Assert.Same(empty, Init.XavierUniform(empty, new Generator(0)));
    }
}
