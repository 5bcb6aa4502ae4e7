using System.Numerics;
using Lib.Tensors.Ops;

namespace Lib.Tensors.Tests.Ops;

public class SimdMathTests
{
    private static float Exp(float x) => SimdMath.Exp(new Vector<float>(x))[0];

    [Fact]
    public void Exp_is_within_1e7_relative_of_the_double_precision_value_over_the_normal_range()
    {
        for (float x = -87.3f; x <= 88.3f; x += 0.0137f)
        {
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(Exp(x) - expected) <= 1e-7 * expected, $"exp({x:G9}) = {Exp(x):G9}, expected {expected:G9}");
        }
        Assert.Equal(1f, Exp(0f));
        Assert.Equal(1f, Exp(-0f));
    }

    [Fact]
    public void Exp_saturates_to_infinity_and_zero_and_keeps_nan()
    {
        Assert.Equal(float.PositiveInfinity, Exp(88.8f));
        Assert.Equal(float.PositiveInfinity, Exp(float.PositiveInfinity));
        Assert.Equal(0f, Exp(-87.4f));
        Assert.Equal(0f, Exp(-1000f));
        Assert.Equal(0f, Exp(float.NegativeInfinity));
        Assert.True(float.IsNaN(Exp(float.NaN)));
        Assert.True(float.IsFinite(Exp(88.7f)) && Exp(88.7f) > 2e38f); // capped at e^88.37 just below ln(float.MaxValue)
    }

    [Fact]
    public void Every_lane_is_computed_on_its_own()
    {
        var values = Enumerable.Range(0, Vector<float>.Count).Select(i => i * 3.1f - 10f).ToArray();
        var lanes = SimdMath.Exp(new Vector<float>(values));
        for (int i = 0; i < values.Length; i++) Assert.Equal(Exp(values[i]), lanes[i]);
    }

    [Fact]
    public void Tanh_and_sigmoid_are_within_a_few_ulps_of_the_double_precision_values()
    {
        for (float x = -20f; x <= 20f; x += 0.00731f)
        {
            double t = Math.Tanh(x), s = 1 / (1 + Math.Exp(-x));
            float tl = SimdMath.Tanh(new Vector<float>(x))[0], sl = SimdMath.Sigmoid(new Vector<float>(x))[0];
            Assert.True(Math.Abs(tl - t) <= 3e-7 * Math.Abs(t) + 1e-30, $"tanh({x:G9}) = {tl:G9}, expected {t:G9}");
            Assert.True(Math.Abs(sl - s) <= 3e-7 * s, $"sigmoid({x:G9}) = {sl:G9}, expected {s:G9}");
        }
        Assert.Equal(1e-4f, SimdMath.Tanh(new Vector<float>(1e-4f))[0], 1e-11f);
        Assert.Equal(1f, SimdMath.Tanh(new Vector<float>(100f))[0]);
        Assert.Equal(-1f, SimdMath.Tanh(new Vector<float>(float.NegativeInfinity))[0]);
        Assert.True(float.IsNaN(SimdMath.Tanh(new Vector<float>(float.NaN))[0]));
    }
}
