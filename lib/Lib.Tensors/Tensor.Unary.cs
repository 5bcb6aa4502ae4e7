using System.Numerics.Tensors;

namespace Lib.Tensors;

// Elementwise unary ops; each gradient rule sits beside its forward.
public sealed partial class Tensor
{
    private delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

    private Tensor Map(SpanMap map)
    {
        var result = new float[NumEl];
        map(_data, result);
        return new Tensor(result, _shape);
    }

    private Tensor MapScalar(Func<float, float> f)
    {
        var result = new float[NumEl];
        for (int i = 0; i < result.Length; i++) result[i] = f(_data[i]);
        return new Tensor(result, _shape);
    }

    /// <summary><c>-this</c>.</summary>
    public Tensor Neg() => Record(Map(TensorPrimitives.Negate), "NegBackward", [this], g => [g.Neg()]);

    /// <summary>|this|; the gradient at 0 is 0, as in PyTorch.</summary>
    public Tensor Abs() => Record(Map(TensorPrimitives.Abs), "AbsBackward", [this], g => [g.Mul(Sign())]);

    /// <summary>-1, 0 or 1 by sign (no gradient).</summary>
    public Tensor Sign() => MapScalar(v => v > 0 ? 1f : v < 0 ? -1f : 0f);

    /// <summary>eˣ.</summary>
    public Tensor Exp()
    {
        var result = Map(TensorPrimitives.Exp);
        return Record(result, "ExpBackward", [this], g => [g.Mul(result)]);
    }

    /// <summary>The natural logarithm.</summary>
    public Tensor Log() => Record(Map(TensorPrimitives.Log), "LogBackward", [this], g => [g.Div(this)]);

    /// <summary>√x.</summary>
    public Tensor Sqrt()
    {
        var result = Map(TensorPrimitives.Sqrt);
        return Record(result, "SqrtBackward", [this], g => [g.Div(result.Mul(Scalar(2f)))]);
    }

    /// <summary>xᵖ for a constant exponent.</summary>
    public Tensor Pow(float exponent)
    {
        var result = exponent == 2f ? Map((x, y) => TensorPrimitives.Multiply(x, x, y)) : MapScalar(v => MathF.Pow(v, exponent));
        return Record(result, "PowBackward", [this], g => [g.Mul(exponent == 2f ? Mul(Scalar(2f)) : Pow(exponent - 1f).Mul(Scalar(exponent)))]);
    }

    /// <summary>The hyperbolic tangent.</summary>
    public Tensor Tanh()
    {
        var result = Map(TensorPrimitives.Tanh);
        return Record(result, "TanhBackward", [this], g => [g.Mul(Scalar(1f).Sub(result.Mul(result)))]);
    }

    /// <summary>The logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public Tensor Sigmoid()
    {
        var result = Map(TensorPrimitives.Sigmoid);
        return Record(result, "SigmoidBackward", [this], g => [g.Mul(result).Mul(Scalar(1f).Sub(result))]);
    }

    /// <summary>max(x, 0); the gradient at 0 is 0.</summary>
    public Tensor Relu()
    {
        var result = Map((x, y) => TensorPrimitives.Max(x, 0f, y));
        return Record(result, "ReluBackward", [this], g => [g.Mul(result.Gt(Scalar(0f)))]);
    }

    /// <summary>Values limited to [<paramref name="min"/>, <paramref name="max"/>]; the gradient is 1 inside (bounds included) and 0 outside, as in PyTorch.</summary>
    public Tensor Clamp(float min = float.NegativeInfinity, float max = float.PositiveInfinity)
    {
        if (min > max) throw new ArgumentException($"Clamp needs min <= max, got {min} > {max}.");
        var result = MapScalar(v => float.IsNaN(v) ? v : Math.Clamp(v, min, max));
        return Record(result, "ClampBackward", [this], g => [g.Mul(MapScalar(v => v >= min && v <= max ? 1f : 0f))]);
    }

    /// <summary>The Gaussian error linear unit: exact <c>x·Φ(x)</c>, or PyTorch's <c>approximate="tanh"</c> form.</summary>
    public Tensor Gelu(bool tanhApproximation = false)
    {
        if (tanhApproximation)
        {
            const float k = 0.7978845608028654f; // √(2/π)
            var result = MapScalar(x => 0.5f * x * (1f + MathF.Tanh(k * (x + 0.044715f * x * x * x))));
            return Record(result, "GeluBackward", [this], g => [g.Mul(MapScalar(x =>
            {
                float inner = k * (x + 0.044715f * x * x * x);
                float t = MathF.Tanh(inner);
                return 0.5f * (1f + t) + 0.5f * x * (1f - t * t) * k * (1f + 3f * 0.044715f * x * x);
            }))]);
        }
        var exact = MapScalar(x => 0.5f * x * (1f + Erf(x * 0.70710678118654752f)));
        return Record(exact, "GeluBackward", [this], g => [g.Mul(MapScalar(x =>
            0.5f * (1f + Erf(x * 0.70710678118654752f)) + x * 0.3989422804014327f * MathF.Exp(-0.5f * x * x)))]);
    }

    /// <summary>The error function (Numerical Recipes' Chebyshev fit of erfc, |error| &lt; 1.2e-7).</summary>
    internal static float Erf(float x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                   t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
                   t * (-0.82215223 + t * 0.17087277)))))))));
        return (float)(x >= 0 ? 1.0 - r : r - 1.0);
    }
}
