using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// GELU and its derivative in SIMD lanes (<see cref="Vector{T}"/>), exact (x·Φ(x)) and with the tanh
/// approximation. The exact form uses erfc(z) ≈ t·exp(−z² − 1.26551223 + t·P(t)), t = 1/(1 + z/2) (Numerical
/// Recipes' Chebyshev fit, relative error below 1.2e-7), so 2Φ(x) = 2 − erfc(x/√2) for x ≥ 0 and erfc(|x|/√2)
/// below: no cancellation in the negative tail.
/// </summary>
internal static class GeluKernels
{
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.3989422804014327f; // 1/√(2π)
    private const float TanhK = 0.7978845608028654f; // √(2/π)
    private const float TanhC = 0.044715f;

    /// <summary>y = x·Φ(x).</summary>
    public static void Forward(float[] x, float[] y) => Lanes.MapParallel<ExactForward>(x, x, y);

    /// <summary>dx = g·(Φ(x) + x·φ(x)).</summary>
    public static void Backward(float[] x, float[] g, float[] dx) => Lanes.MapParallel<ExactBackward>(x, g, dx);

    /// <summary>y = x·(1 + tanh(u))/2, u = √(2/π)·(x + 0.044715x³).</summary>
    public static void TanhForward(float[] x, float[] y) => Lanes.MapParallel<TanhApproxForward>(x, x, y);

    /// <summary>dx = g · d/dx of <see cref="TanhForward"/>.</summary>
    public static void TanhBackward(float[] x, float[] g, float[] dx) =>
        Lanes.MapParallel<TanhApproxBackward>(x, g, dx);

    /// <summary>erfc(z) for z ≥ 0 (fused multiply-adds, <see cref="SimdMath.Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Erfc(Vector<float> z)
    {
        var t = Vector<float>.One / SimdMath.Fma(new Vector<float>(0.5f), z, 1f);
        var p = SimdMath.Fma(new Vector<float>(0.17087277f), t, -0.82215223f);
        p = SimdMath.Fma(p, t, 1.48851587f);
        p = SimdMath.Fma(p, t, -1.13520398f);
        p = SimdMath.Fma(p, t, 0.27886807f);
        p = SimdMath.Fma(p, t, -0.18628806f);
        p = SimdMath.Fma(p, t, 0.09678418f);
        p = SimdMath.Fma(p, t, 0.37409196f);
        p = SimdMath.Fma(p, t, 1.00002368f);
        p = SimdMath.Fma(p, t, -1.26551223f);
        return t * SimdMath.Exp(Vector.FusedMultiplyAdd(-z, z, p));
    }

    /// <summary>2Φ(x) = 1 + erf(x/√2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> TwoPhi(Vector<float> x)
    {
        var r = Erfc(Vector.Abs(x) * new Vector<float>(InvSqrt2));
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), new Vector<float>(2f) - r, r);
    }

    private readonly struct ExactForward : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> g) => new Vector<float>(0.5f) * x * TwoPhi(x);
    }

    private readonly struct ExactBackward : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> g)
        {
            var density = new Vector<float>(InvSqrt2Pi) * SimdMath.Exp(new Vector<float>(-0.5f) * x * x);
            return g * (new Vector<float>(0.5f) * TwoPhi(x) + x * density);
        }
    }

    /// <summary>(1 + tanh(u))/2 = σ(2u) = 1/(1 + e^{−2u}), which keeps its precision where tanh(u) is near
    /// −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> HalfOnePlusTanh(Vector<float> x) =>
        Vector<float>.One
        / (
            Vector<float>.One
            + SimdMath.Exp(new Vector<float>(-2f * TanhK) * (x + new Vector<float>(TanhC) * x * x * x))
        );

    private readonly struct TanhApproxForward : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> g) => x * HalfOnePlusTanh(x);
    }

    /// <summary>With s = (1 + tanh u)/2: d/dx = s + x·(1 − tanh²u)/2·u' = s + 2x·s(1 − s)·u'.</summary>
    private readonly struct TanhApproxBackward : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> g)
        {
            var s = HalfOnePlusTanh(x);
            var slope = new Vector<float>(TanhK) * (Vector<float>.One + new Vector<float>(3f * TanhC) * x * x);
            return g * (s + new Vector<float>(2f) * x * s * (Vector<float>.One - s) * slope);
        }
    }
}
