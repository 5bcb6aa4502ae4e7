using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// The LSTM cell's forward activations: tanh as one rational function, x·P(x²)/Q(x²) with P of degree 6 and Q of
/// degree 3 in x², the argument clamped to ±7.9053 (where tanh rounds to ±1 in float), and σ(x) = (1 + tanh(x/2))/2.
/// The coefficients are Eigen's float tanh (<c>generic_fast_tanh_float</c>). Within 1e-6 absolute of tanh and σ in
/// double (the cell's outputs within 8e-7 in <c>LstmCellTests</c>), with about half the operations of
/// <see cref="SimdMath"/>'s exponential-based functions and one division. NaN stays NaN. Backward uses the saved
/// activations, so it is unchanged.
/// </summary>
internal static class CellMath
{
    /// <summary>|x| beyond which tanh is ±1 to float precision.</summary>
    public const float Bound = 7.90531110763549805f;

    // P: x · (A1 + A3 x² + … + A13 x¹²); Q: B0 + B2 x² + B4 x⁴ + B6 x⁶.
    public const float A1 = 4.89352455891786e-03f,
        A3 = 6.37261928875436e-04f,
        A5 = 1.48572235717979e-05f,
        A7 = 5.12229709037114e-08f,
        A9 = -8.60467152213735e-11f,
        A11 = 2.00018790482477e-13f,
        A13 = -2.76076847742355e-16f;
    public const float B0 = 4.89352518554385e-03f,
        B2 = 2.26843463243900e-03f,
        B4 = 1.18534705686654e-04f,
        B6 = 1.19825839466702e-06f;

    /// <summary>σ(x) = (1 + tanh(x/2)) / 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        var half = new Vector<float>(0.5f);
        return Vector.FusedMultiplyAdd(Tanh(x * half), half, half);
    }

    /// <summary>tanh(x) as the rational function; ±1 beyond <see cref="Bound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        var bound = new Vector<float>(Bound);
        var t = Vector.MinNative(Vector.MaxNative(x, -bound), bound);
        var t2 = t * t;
        var p = SimdMath.Fma(new Vector<float>(A13), t2, A11);
        p = SimdMath.Fma(p, t2, A9);
        p = SimdMath.Fma(p, t2, A7);
        p = SimdMath.Fma(p, t2, A5);
        p = SimdMath.Fma(p, t2, A3);
        p = SimdMath.Fma(p, t2, A1);
        var q = SimdMath.Fma(new Vector<float>(B6), t2, B4);
        q = SimdMath.Fma(q, t2, B2);
        q = SimdMath.Fma(q, t2, B0);
        return Vector.ConditionalSelect(Vector.Equals(x, x), t * p / q, x);
    }
}
