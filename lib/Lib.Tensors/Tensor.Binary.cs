using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Elementwise binary ops with PyTorch broadcasting; each gradient rule sits beside its forward.
public sealed partial class Tensor
{
    /// <summary><c>this + other</c>, broadcasting.</summary>
    public Tensor Add(Tensor other)
    {
        var result = Binary.Apply<AddKernel>(this, other);
        return Record(result, "AddBackward", [this, other], g =>
            [Broadcast.SumTo(g, _shape), Broadcast.SumTo(g, other._shape)]
        );
    }

    /// <summary><c>this - other</c>, broadcasting.</summary>
    public Tensor Sub(Tensor other)
    {
        var result = Binary.Apply<SubKernel>(this, other);
        return Record(result, "SubBackward", [this, other], g =>
            [Broadcast.SumTo(g, _shape), other.RequiresGrad ? Broadcast.SumTo(g.Neg(), other._shape) : null]
        );
    }

    /// <summary><c>this * other</c>, broadcasting.</summary>
    public Tensor Mul(Tensor other)
    {
        var result = Binary.Apply<MulKernel>(this, other);
        return Record(result, "MulBackward", [this, other], g =>
            [
                RequiresGrad ? Broadcast.SumTo(g.Mul(other), _shape) : null,
                other.RequiresGrad ? Broadcast.SumTo(g.Mul(this), other._shape) : null,
            ]
        );
    }

    /// <summary><c>this / other</c>, broadcasting.</summary>
    public Tensor Div(Tensor other)
    {
        var result = Binary.Apply<DivKernel>(this, other);
        return Record(result, "DivBackward", [this, other], g => [
                RequiresGrad ? Broadcast.SumTo(g.Div(other), _shape) : null,
                // d(a/b)/db = -a / b² = -result / b
                other.RequiresGrad
                    ? Broadcast.SumTo(g.Mul(result).Div(other).Neg(), other._shape)
                    : null,
            ]);
    }

    /// <summary>The elementwise maximum; where equal, the gradient is split evenly (as PyTorch does).</summary>
    public Tensor Maximum(Tensor other) => MinMax<MaximumOp, GtOp>(other, "MaximumBackward");

    /// <summary>The elementwise minimum; where equal, the gradient is split evenly (as PyTorch does).</summary>
    public Tensor Minimum(Tensor other) => MinMax<MinimumOp, LtOp>(other, "MinimumBackward");

    private Tensor MinMax<TOp, TWins>(Tensor other, string name)
        where TOp : IScalarBinary
        where TWins : IScalarBinary
    {
        var result = Binary.Apply<ScalarKernel<TOp>>(this, other);
        return Record(result, name, [this, other], g =>
        {
            // Weight 1 where this wins, 0.5 on ties, 0 where other wins.
            var wins = Binary.Apply<ScalarKernel<TWins>>(this, other);
            var ties = Binary.Apply<ScalarKernel<EqOp>>(this, other);
            var mine = wins.Add(ties.Mul(Scalar(0.5f)));
            var theirs = Scalar(1f).Sub(mine);
            return
            [
                RequiresGrad ? Broadcast.SumTo(g.Mul(mine), _shape) : null,
                other.RequiresGrad ? Broadcast.SumTo(g.Mul(theirs), other._shape) : null,
            ];
        });
    }

    /// <summary><c>this ** exponent</c> elementwise, broadcasting.</summary>
    public Tensor Pow(Tensor exponent)
    {
        var result = Binary.Apply<ScalarKernel<PowOp>>(this, exponent);
        return Record(result, "PowBackward", [this, exponent], g =>
            [
                RequiresGrad ? Broadcast.SumTo(g.Mul(exponent).Mul(Pow(exponent.Sub(Scalar(1f)))), _shape) : null,
                exponent.RequiresGrad ? Broadcast.SumTo(g.Mul(result).Mul(Log()), exponent._shape) : null,
            ]
        );
    }

    /// <summary>1 where <c>this == other</c>, else 0 (no gradient).</summary>
    public Tensor Eq(Tensor other) => Binary.Apply<ScalarKernel<EqOp>>(this, other);

    /// <summary>1 where <c>this != other</c>, else 0 (no gradient).</summary>
    public Tensor Ne(Tensor other) => Binary.Apply<ScalarKernel<NeOp>>(this, other);

    /// <summary>1 where <c>this &lt; other</c>, else 0 (no gradient).</summary>
    public Tensor Lt(Tensor other) => Binary.Apply<ScalarKernel<LtOp>>(this, other);

    /// <summary>1 where <c>this &lt;= other</c>, else 0 (no gradient).</summary>
    public Tensor Le(Tensor other) => Binary.Apply<ScalarKernel<LeOp>>(this, other);

    /// <summary>1 where <c>this &gt; other</c>, else 0 (no gradient).</summary>
    public Tensor Gt(Tensor other) => Binary.Apply<ScalarKernel<GtOp>>(this, other);

    /// <summary>1 where <c>this &gt;= other</c>, else 0 (no gradient).</summary>
    public Tensor Ge(Tensor other) => Binary.Apply<ScalarKernel<GeOp>>(this, other);

    /// <summary>Picks <paramref name="ifTrue"/> where <paramref name="condition"/> is non-zero, else
    /// <paramref name="ifFalse"/> (<c>torch.where</c>), broadcasting all three.</summary>
    public static Tensor Where(Tensor condition, Tensor ifTrue, Tensor ifFalse)
    {
        var shape = Broadcast.Shapes(Broadcast.Shapes(condition._shape, ifTrue._shape), ifFalse._shape);
        var mask = condition.Ne(Scalar(0f)).Expand(shape).Detach();
        var result = TensorStorage.Uninitialized((int)ShapeSize(shape));
        var t = ifTrue.Expand(shape).Contiguous()._data;
        var f = ifFalse.Expand(shape).Contiguous()._data;
        var m = mask._data;
        for (int i = 0; i < result.Length; i++)
            result[i] = m[i] != 0f ? t[i] : f[i];
        return Record(new Tensor(result, shape), "WhereBackward", [ifTrue, ifFalse], g =>
            [
                ifTrue.RequiresGrad ? Broadcast.SumTo(g.Mul(mask), ifTrue._shape) : null,
                ifFalse.RequiresGrad ? Broadcast.SumTo(g.Mul(Scalar(1f).Sub(mask)), ifFalse._shape) : null,
            ]
        );
    }

    /// <summary>This tensor with <paramref name="value"/> where <paramref name="mask"/> is non-zero
    /// (<c>masked_fill</c>).</summary>
    public Tensor MaskedFill(Tensor mask, float value) => Where(mask, Full(value, 1), this);

    /// <summary>Adds <paramref name="other"/> into this tensor's storage (no graph: for gradients and
    /// optimizers).</summary>
    internal void AddInPlace(Tensor other)
    {
        if (other.NumEl != NumEl)
            throw new ArgumentException(
                $"In-place add needs equal sizes: {ShapeText(Shape)} vs {ShapeText(other.Shape)}."
            );
        System.Numerics.Tensors.TensorPrimitives.Add(_data, other._data, _data);
    }

    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);

    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);

    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);

    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);

    public static Tensor operator -(Tensor a) => a.Neg();

    public static Tensor operator +(Tensor a, float b) => a.Add(Scalar(b));

    public static Tensor operator +(float a, Tensor b) => Scalar(a).Add(b);

    public static Tensor operator -(Tensor a, float b) => a.Sub(Scalar(b));

    public static Tensor operator -(float a, Tensor b) => Scalar(a).Sub(b);

    public static Tensor operator *(Tensor a, float b) => a.Mul(Scalar(b));

    public static Tensor operator *(float a, Tensor b) => Scalar(a).Mul(b);

    public static Tensor operator /(Tensor a, float b) => a.Div(Scalar(b));

    public static Tensor operator /(float a, Tensor b) => Scalar(a).Div(b);
}
