using System.Numerics;
using Lib.Tensors.Ops;

namespace Lib.Tensors.NN;

/// <summary>Binary cross entropy on logits x against targets t without weights, in SIMD lanes
/// (<see cref="Lanes"/>).</summary>
internal static class BceLanes
{
    /// <summary>log(1 + e^−x) without overflow: max(−x, 0) + log(1 + e^−|x|).</summary>
    private static Vector<float> SoftplusOfNegative(Vector<float> x) =>
        Vector.Max(-x, Vector<float>.Zero) + Vector.Log(Vector<float>.One + SimdMath.Exp(-Vector.Abs(x)));

    /// <summary>The loss (1 − t)·x + log(1 + e^−x).</summary>
    public readonly struct Value : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> t) =>
            (Vector<float>.One - t) * x + SoftplusOfNegative(x);
    }

    /// <summary>Its derivative in x: σ(x) − t.</summary>
    public readonly struct Slope : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> t) =>
            Vector<float>.One / (Vector<float>.One + SimdMath.Exp(-x)) - t;
    }
}
