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
}
