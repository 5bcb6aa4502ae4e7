using Lib.Tensors.Ops;

namespace Lib.Tensors.Tests.Ops;

/// <summary>The SIMD activation kernels against the scalar formulas they replace, evaluated in double.</summary>
public class ActivationKernelTests
{
    /// <summary>A grid over [−12, 12] and the special values; 1,003 elements, so the padded last vector is exercised.</summary>
    private static float[] Inputs()
    {
        var x = new List<float> { 0f, -0f, float.NaN, float.PositiveInfinity, 1e-30f, -1e-30f, 1e-4f, -1e-4f };
        for (int i = 0; i <= 994; i++) x.Add(-12f + 24f * i / 994f);
        return [.. x];
    }

    /// <summary>erf in double to ~1e-15: the Taylor series below 3, the continued fraction of erfc above.</summary>
    private static double Erf(double x)
    {
        double z = Math.Abs(x);
        double value;
        if (z < 3)
        {
            double term = z, sum = z;
            for (int n = 1; n < 200 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
            {
                term *= -z * z / n;
                sum += term / (2 * n + 1);
            }
            value = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            double f = z;
            for (int k = 80; k >= 1; k--) f = z + k / 2.0 / f;
            value = 1 - Math.Exp(-z * z) / (Math.Sqrt(Math.PI) * f);
        }
        return x < 0 ? -value : value;
    }

    /// <summary>Φ(x) without cancellation in the negative tail.</summary>
    private static double Phi(double x)
    {
        if (x >= 0) return 0.5 * (1 + Erf(x / Math.Sqrt(2)));
        double z = -x / Math.Sqrt(2);
        if (z < 3) return 0.5 * (1 - Erf(z));
        double f = z;
        for (int k = 80; k >= 1; k--) f = z + k / 2.0 / f;
        return 0.5 * Math.Exp(-z * z) / (Math.Sqrt(Math.PI) * f);
    }

    private static void Close(Func<int, double> expected, float[] x, float[] actual, double atol, double rtol, string what)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double e = expected(i);
            if (double.IsNaN(e)) { Assert.True(float.IsNaN(actual[i]), $"{what}({x[i]:G9}): expected NaN, got {actual[i]:G9}"); continue; }
            Assert.True(e == actual[i] || Math.Abs(e - actual[i]) <= atol + rtol * Math.Abs(e),
                $"{what}({x[i]:G9}): expected {e:G9}, got {actual[i]:G9}");
        }
    }

    [Fact]
    public void Exact_gelu_and_its_derivative_match_the_double_precision_formula()
    {
        var x = Inputs();
        var y = new float[x.Length];
        GeluKernels.Forward(x, y);
        Close(i => float.IsPositiveInfinity(x[i]) ? x[i] : x[i] * Phi(x[i]), x, y, 1e-7, 1e-6, "gelu");
        var g = Enumerable.Range(0, x.Length).Select(i => 0.5f + i % 7 * 0.25f).ToArray();
        var dx = new float[x.Length];
        GeluKernels.Backward(x, g, dx);
        Close(i => float.IsPositiveInfinity(x[i]) ? double.NaN // inf · 0 in x·φ(x), as in the scalar form and PyTorch
            : g[i] * (Phi(x[i]) + x[i] * Math.Exp(-0.5 * x[i] * x[i]) / Math.Sqrt(2 * Math.PI)), x, dx, 1e-7, 1e-6, "gelu'");
    }

    [Fact]
    public void Tanh_gelu_and_its_derivative_match_the_double_precision_formula()
    {
        const double k = 0.7978845608028654;
        var x = Inputs();
        var y = new float[x.Length];
        GeluKernels.TanhForward(x, y);
        Close(i =>
        {
            double v = x[i];
            return double.IsPositiveInfinity(v) ? v : 0.5 * v * (1 + Math.Tanh(k * (v + 0.044715 * v * v * v)));
        }, x, y, 1e-7, 1e-6, "gelu_tanh");
        var ones = Enumerable.Repeat(1f, x.Length).ToArray();
        var dx = new float[x.Length];
        GeluKernels.TanhBackward(x, ones, dx);
        Close(i =>
        {
            double v = x[i];
            if (double.IsPositiveInfinity(v)) return double.NaN; // inf · 0 in the second term, as in the scalar form
            double t = Math.Tanh(k * (v + 0.044715 * v * v * v));
            return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * k * (1 + 3 * 0.044715 * v * v);
        }, x, dx, 1e-6, 1e-6, "gelu_tanh'");
    }

    [Fact]
    public void One_pass_activation_gradients_equal_the_compositions_they_replace()
    {
        var y = GradCheck.Randn(3, 1003).ToArray();
        y[5] = 0f;
        var g = GradCheck.Randn(4, 1003).ToArray();
        var dx = new float[y.Length];
        Lanes.Map<ActivationGrads.Relu>(y, g, dx);
        Assert.Equal(y.Select((v, i) => v > 0 ? g[i] : 0f), dx);
        Lanes.Map<ActivationGrads.Tanh>(y, g, dx);
        Assert.Equal(y.Select((v, i) => g[i] * (1f - v * v)), dx);
        Lanes.Map<ActivationGrads.Sigmoid>(y, g, dx);
        Assert.Equal(y.Select((v, i) => g[i] * v * (1f - v)), dx);
    }

    [Fact]
    public void Lanes_may_write_over_an_input_and_refuse_spans_of_different_lengths()
    {
        var y = GradCheck.Randn(5, 21).ToArray();
        var g = GradCheck.Randn(6, 21).ToArray();
        var expected = y.Select((v, i) => v > 0 ? g[i] : 0f).ToArray();
        Lanes.Map<ActivationGrads.Relu>(y, g, g);
        Assert.Equal(expected, g);
        Assert.Contains("one length", Assert.Throws<ArgumentException>(() => Lanes.Map<ActivationGrads.Relu>(y, new float[20], new float[21])).Message);
    }

    [Fact]
    public void Relu_and_sigmoid_lanes_match_the_scalar_definitions()
    {
        var x = Inputs().Append(float.NegativeInfinity).Append(-100f).Append(100f).ToArray();
        var y = new float[x.Length];
        Lanes.Map<ActivationLanes.Relu>(x, x, y);
        for (int i = 0; i < x.Length; i++)
            Assert.True(float.IsNaN(x[i]) ? float.IsNaN(y[i]) : y[i] == MathF.Max(x[i], 0f), $"relu({x[i]:G9}) = {y[i]:G9}");
        Lanes.Map<ActivationLanes.Sigmoid>(x, x, y);
        Close(i => 1 / (1 + Math.Exp(-(double)x[i])), x, y, 1e-7, 1e-6, "sigmoid");
    }
}
