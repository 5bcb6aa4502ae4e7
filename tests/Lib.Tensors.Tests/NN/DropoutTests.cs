using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class DropoutTests
{
    [Fact]
    public void Identity_when_not_training_or_p_is_zero()
    {
        var x = GradCheck.Randn(1, 3, 4);
        Assert.Same(x, Functional.Dropout(x, 0.5f, training: false, new Generator(1)));
        Assert.Same(x, Functional.Dropout(x, 0f, training: true, new Generator(1)));
    }

    [Fact]
    public void P_one_gives_zeros_and_zero_gradient()
    {
        var x = GradCheck.Randn(1, 3, 4).RequireGrad();
        var y = Functional.Dropout(x, 1f, training: true, new Generator(1));
        Assert.All(y.ToArray(), v => Assert.Equal(0f, v));
        y.Sum().Backward();
        Assert.All(x.Grad!.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Keeps_about_one_minus_p_scaled_by_its_inverse_and_repeats_for_a_seed()
    {
        var x = Tensor.Ones(100, 100).RequireGrad();
        var y = Functional.Dropout(x, 0.3f, training: true, new Generator(42));
        var values = y.ToArray();
        Assert.All(values, v => Assert.True(v == 0f || Math.Abs(v - 1f / 0.7f) < 1e-6f, $"unexpected {v}"));
        double kept = values.Count(v => v != 0f) / (double)values.Length;
        Assert.InRange(kept, 0.67, 0.73);
        Assert.Equal(values, Functional.Dropout(x, 0.3f, true, new Generator(42)).ToArray());
        Assert.NotEqual(values, Functional.Dropout(x, 0.3f, true, new Generator(43)).ToArray());
        // The saved mask is the gradient: dy/dx = mask / (1 − p).
        y.Sum().Backward();
        Assert.Equal(values, x.Grad!.ToArray());
    }

    [Fact]
    public void Gradient_matches_finite_differences_with_a_fixed_mask()
    {
        GradCheck.Check(t => Functional.Dropout(t[0], 0.4f, true, new Generator(7)), [GradCheck.Randn(2, 4, 5)]);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Probability_outside_zero_to_one_is_an_error(float p)
    {
        Assert.Contains("between 0 and 1", Assert.Throws<ArgumentException>(() => Functional.Dropout(Tensor.Ones(2), p, true, new Generator(1))).Message);
    }

    [Theory]
    [InlineData(0.1f, 100_001)]
    [InlineData(0.5f, 7)]
    [InlineData(0.9f, 64)]
    public void Masks_take_two_elements_from_each_64_random_bits_low_half_first(float p, int n)
    {
        var mask = new float[n];
        Lib.Tensors.Ops.DropoutMask.Fill(new Generator(11), p, mask);
        var bits = new Generator(11);
        ulong threshold = (ulong)Math.Ceiling(p * 4294967296.0);
        ulong word = 0;
        for (int i = 0; i < n; i++)
        {
            if (i % 2 == 0) word = bits.NextUInt64();
            ulong u = i % 2 == 0 ? word & 0xFFFF_FFFFUL : word >> 32;
            Assert.Equal(u >= threshold ? 1f / (1f - p) : 0f, mask[i]);
        }
        if (n > 10_000) Assert.InRange(mask.Count(v => v != 0f) / (double)n, 1 - p - 0.005, 1 - p + 0.005);
    }
}
