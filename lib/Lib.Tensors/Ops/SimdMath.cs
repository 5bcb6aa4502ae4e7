using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// Float functions in SIMD lanes (<see cref="Vector{T}"/>) for the engine's fused kernels, faster than the runtime's
/// (whose float <c>Exp</c> works in double) at float accuracy.
/// </summary>
internal static class SimdMath
{
    private const float MaxArgument = 88.72283f;   // ln(float.MaxValue)
    private const float MaxScaled = 88.37f;        // below 127.5·ln 2, so that 2ᵏ stays a finite float
    private const float MinArgument = -87.33654f;  // ln(smallest normal float)

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
        result = Vector.ConditionalSelect(Vector.LessThan(x, new Vector<float>(MinArgument)), Vector<float>.Zero, result);
        result = Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<float>(MaxArgument)), new Vector<float>(float.PositiveInfinity), result);
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x); // NaN stays NaN
    }

    /// <summary>a·b + c with c a constant, in one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Fma(Vector<float> a, Vector<float> b, float c) => Vector.FusedMultiplyAdd(a, b, new Vector<float>(c));
}
