using System.Numerics;

namespace Lib.Tensors.Ops;

/// <summary>Activations in SIMD lanes, for <c>Lanes.Map&lt;T&gt;(x, x, y)</c> (the second input is unused).</summary>
internal static class ActivationLanes
{
    /// <summary>max(x, 0), keeping NaN (as PyTorch's relu does).</summary>
    public readonly struct Relu : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> unused) =>
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), Vector<float>.Zero, x);
    }

    /// <summary>1 / (1 + e⁻ˣ) with <see cref="SimdMath.Exp"/>: 0 below about −88.7, 1 from about 17 on.</summary>
    public readonly struct Sigmoid : ILanes
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> unused) =>
            Vector<float>.One / (Vector<float>.One + SimdMath.Exp(-x));
    }
}
