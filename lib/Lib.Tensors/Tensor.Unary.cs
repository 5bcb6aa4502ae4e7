using System.Numerics.Tensors;
using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Elementwise unary ops; each gradient rule sits beside its forward.
public sealed partial class Tensor
{
    private delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

    private Tensor Map(SpanMap map)
    {
        var result = TensorStorage.Uninitialized(NumEl);
        map(_data, result);
        return new Tensor(result, _shape);
    }

    private Tensor MapScalar(Func<float, float> f)
    {
        var result = TensorStorage.Uninitialized(NumEl);
        for (int i = 0; i < result.Length; i++)
            result[i] = f(_data[i]);
        return new Tensor(result, _shape);
    }

    /// <summary><c>-this</c>.</summary>
    public Tensor Neg() => Record(Map(TensorPrimitives.Negate), "NegBackward", [this], g => [g.Neg()]);

    /// <summary>|this|; the gradient at 0 is 0, as in PyTorch.</summary>
    public Tensor Abs() => Record(Map(TensorPrimitives.Abs), "AbsBackward", [this], g => [g.Mul(Sign())]);

    /// <summary>-1, 0 or 1 by sign (no gradient).</summary>
    public Tensor Sign() =>
        MapScalar(v =>
            v > 0 ? 1f
            : v < 0 ? -1f
            : 0f
        );

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
        var result =
            exponent == 2f ? Map((x, y) => TensorPrimitives.Multiply(x, x, y)) : MapScalar(v => MathF.Pow(v, exponent));
        return Record(result, "PowBackward", [this], g =>
            [g.Mul(exponent == 2f ? Mul(Scalar(2f)) : Pow(exponent - 1f).Mul(Scalar(exponent)))]
        );
    }

    /// <summary>The hyperbolic tangent.</summary>
    public Tensor Tanh()
    {
        var result = Map(TensorPrimitives.Tanh);
        return Record(result, "TanhBackward", [this], g => [result.MapWith<ActivationGrads.Tanh>(g)]);
    }

    /// <summary>The logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public Tensor Sigmoid()
    {
        var result = MapLanes<ActivationLanes.Sigmoid>();
        return Record(result, "SigmoidBackward", [this], g => [result.MapWith<ActivationGrads.Sigmoid>(g)]);
    }

    /// <summary>max(x, 0); the gradient at 0 is 0.</summary>
    public Tensor Relu()
    {
        var result = MapLanes<ActivationLanes.Relu>();
        return Record(result, "ReluBackward", [this], g => [result.MapWith<ActivationGrads.Relu>(g)]);
    }

    /// <summary>Values limited to [<paramref name="min"/>, <paramref name="max"/>]; the gradient is 1 inside (bounds
    /// included) and 0 outside, as in PyTorch.</summary>
    public Tensor Clamp(float min = float.NegativeInfinity, float max = float.PositiveInfinity)
    {
        if (min > max)
            throw new ArgumentException($"Clamp needs min <= max, got {min} > {max}.");
        var result = MapScalar(v => float.IsNaN(v) ? v : Math.Clamp(v, min, max));
        return Record(result, "ClampBackward", [this], g => [g.Mul(MapScalar(v => v >= min && v <= max ? 1f : 0f))]);
    }

    /// <summary>The Gaussian error linear unit: exact <c>x·Φ(x)</c>, or PyTorch's <c>approximate="tanh"</c>
    /// form.</summary>
    public Tensor Gelu(bool tanhApproximation = false)
    {
        var result = new Tensor(TensorStorage.Uninitialized(NumEl), _shape);
        if (tanhApproximation)
            GeluKernels.TanhForward(_data, result._data);
        else
            GeluKernels.Forward(_data, result._data);
        return Record(result, "GeluBackward", [this], g =>
        {
            var dx = TensorStorage.Uninitialized(NumEl);
            if (tanhApproximation)
                GeluKernels.TanhBackward(_data, g._data, dx);
            else
                GeluKernels.Backward(_data, g._data, dx);
            return [new Tensor(dx, _shape)];
        });
    }

    /// <summary>A tensor of this shape holding the unary <c>TLanes(this)</c> elementwise.</summary>
    private Tensor MapLanes<TLanes>()
        where TLanes : ILanes
    {
        var result = TensorStorage.Uninitialized(NumEl);
        Lanes.MapParallel<TLanes>(_data, _data, result);
        return new Tensor(result, _shape);
    }

    /// <summary>A tensor of this shape holding <c>TLanes(this, other)</c> elementwise (for one-pass backward
    /// rules).</summary>
    private Tensor MapWith<TLanes>(Tensor other)
        where TLanes : ILanes
    {
        var result = TensorStorage.Uninitialized(NumEl);
        Lanes.MapParallel<TLanes>(_data, other._data, result);
        return new Tensor(result, _shape);
    }
}
