using System.Numerics;

namespace Lib.Tensors.Ops;

/// <summary>
/// One-pass backward rules of activations from their saved output y and the upstream gradient g
/// (one buffer, no intermediate tensors): <c>Lanes.Map&lt;Relu&gt;(y, g, dx)</c>.
/// </summary>
internal static class ActivationGrads
{
    /// <summary>g where y &gt; 0, else 0 (the gradient at 0 is 0, as in PyTorch).</summary>
    public readonly struct Relu : ILanes
    {
        public static Vector<float> Apply(Vector<float> y, Vector<float> g) =>
            Vector.ConditionalSelect(Vector.GreaterThan(y, Vector<float>.Zero), g, Vector<float>.Zero);
    }

    /// <summary>g·(1 − y²) for y = tanh(x).</summary>
    public readonly struct Tanh : ILanes
    {
        public static Vector<float> Apply(Vector<float> y, Vector<float> g) => g * (Vector<float>.One - y * y);
    }

    /// <summary>g·y·(1 − y) for y = σ(x).</summary>
    public readonly struct Sigmoid : ILanes
    {
        public static Vector<float> Apply(Vector<float> y, Vector<float> g) => g * y * (Vector<float>.One - y);
    }
}
