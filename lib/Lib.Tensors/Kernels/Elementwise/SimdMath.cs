using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// Float functions in SIMD lanes (<see cref="Vector{T}"/>) for the engine's fused kernels, faster than the runtime's
/// (whose float <c>Exp</c> works in double) at float accuracy.
/// </summary>
internal static class SimdMath
{
    internal const float MaxArgument = 88.72283f; // ln(float.MaxValue)
    internal const float MaxScaled = 88.37f; // below 127.5·ln 2, so that 2ᵏ stays a finite float
    internal const float MinArgument = -87.33654f; // ln(smallest normal float)

    /// <summary>
    /// eˣ within 1e-7 relative (Cephes' expf: x = k·ln 2 + r with |r| ≤ ln 2 / 2, a degree-6 polynomial for eʳ, and
    /// 2ᵏ built in the exponent bits). Above ln(float.MaxValue) gives +∞ (between 88.37 and that, e^88.37), below the
    /// smallest normal's log gives 0 (no subnormal results), NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        var clamped = Vector.Min(Vector.Max(x, new Vector<float>(MinArgument)), new Vector<float>(MaxScaled));
        var k = Vector.Round(clamped * new Vector<float>(1.44269504088896341f));
        var r = Vector.FusedMultiplyAdd(k, new Vector<float>(-0.693359375f), clamped); // ln 2 in two parts
        r = Vector.FusedMultiplyAdd(k, new Vector<float>(2.12194440e-4f), r);
        var p = Fma(new Vector<float>(1.9875691500e-4f), r, 1.3981999507e-3f);
        p = Fma(p, r, 8.3334519073e-3f);
        p = Fma(p, r, 4.1665795894e-2f);
        p = Fma(p, r, 1.6666665459e-1f);
        p = Fma(p, r, 5.0000001201e-1f);
        p = Vector.FusedMultiplyAdd(p, r * r, r) + Vector<float>.One;
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(k) + new Vector<int>(127), 23));
        var result = p * scale;
        result = Vector.ConditionalSelect(
            Vector.LessThan(x, new Vector<float>(MinArgument)),
            Vector<float>.Zero,
            result
        );
        result = Vector.ConditionalSelect(
            Vector.GreaterThan(x, new Vector<float>(MaxArgument)),
            new Vector<float>(float.PositiveInfinity),
            result
        );
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x); // NaN stays NaN
    }

    /// <summary>The logistic sigmoid 1 / (1 + e⁻ˣ): 0 below about −88.7, 1 from about 17 on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    /// <summary>
    /// tanh(x) within a few float ulps (Cephes' tanhf): an odd polynomial below |x| = 0.625, else
    /// 1 − 2/(e^{2|x|} + 1) with x's sign; ±1 for large |x|, NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        var a = Vector.Abs(x);
        var z = x * x;
        var p = Fma(new Vector<float>(-5.70498872745e-3f), z, 2.06390887954e-2f);
        p = Fma(p, z, -5.37397155531e-2f);
        p = Fma(p, z, 1.33314422036e-1f);
        p = Fma(p, z, -3.33332819422e-1f);
        var small = Vector.FusedMultiplyAdd(p * z, x, x);
        var large = Vector<float>.One - new Vector<float>(2f) / (Exp(a + a) + Vector<float>.One);
        large = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -large, large);
        return Vector.ConditionalSelect(Vector.LessThan(a, new Vector<float>(0.625f)), small, large);
    }

    /// <summary>a·b + c with c a constant, in one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Fma(Vector<float> a, Vector<float> b, float c) =>
        Vector.FusedMultiplyAdd(a, b, new Vector<float>(c));
}
