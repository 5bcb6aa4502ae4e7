using System.Numerics.Tensors;

namespace Lib.Tensors.Ops;

/// <summary>An elementwise binary kernel over contiguous runs (vectorised where the runtime offers it).</summary>
internal interface IBinaryKernel
{
    static abstract void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d);
    static abstract void Run(ReadOnlySpan<float> a, float b, Span<float> d);
    static abstract void Run(float a, ReadOnlySpan<float> b, Span<float> d);
}

internal readonly struct AddKernel : IBinaryKernel
{
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) =>
        TensorPrimitives.Add(a, b, d);

    public static void Run(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Add(a, b, d);

    public static void Run(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Add(b, a, d);
}

internal readonly struct SubKernel : IBinaryKernel
{
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) =>
        TensorPrimitives.Subtract(a, b, d);

    public static void Run(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);

    public static void Run(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
}

internal readonly struct MulKernel : IBinaryKernel
{
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) =>
        TensorPrimitives.Multiply(a, b, d);

    public static void Run(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Multiply(a, b, d);

    public static void Run(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Multiply(b, a, d);
}

internal readonly struct DivKernel : IBinaryKernel
{
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) =>
        TensorPrimitives.Divide(a, b, d);

    public static void Run(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Divide(a, b, d);

    public static void Run(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
}

/// <summary>A kernel from a scalar function, for ops without a vectorised primitive.</summary>
internal interface IScalarBinary
{
    static abstract float Apply(float a, float b);
}

internal readonly struct ScalarKernel<TOp> : IBinaryKernel
    where TOp : IScalarBinary
{
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++)
            d[i] = TOp.Apply(a[i], b[i]);
    }

    public static void Run(ReadOnlySpan<float> a, float b, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++)
            d[i] = TOp.Apply(a[i], b);
    }

    public static void Run(float a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++)
            d[i] = TOp.Apply(a, b[i]);
    }
}

internal readonly struct MaximumOp : IScalarBinary
{
    public static float Apply(float a, float b) => float.IsNaN(a) || a > b ? a : b;
}

internal readonly struct MinimumOp : IScalarBinary
{
    public static float Apply(float a, float b) => float.IsNaN(a) || a < b ? a : b;
}

internal readonly struct PowOp : IScalarBinary
{
    public static float Apply(float a, float b) => MathF.Pow(a, b);
}

internal readonly struct EqOp : IScalarBinary
{
    public static float Apply(float a, float b) => a == b ? 1f : 0f;
}

internal readonly struct NeOp : IScalarBinary
{
    public static float Apply(float a, float b) => a != b ? 1f : 0f;
}

internal readonly struct LtOp : IScalarBinary
{
    public static float Apply(float a, float b) => a < b ? 1f : 0f;
}

internal readonly struct LeOp : IScalarBinary
{
    public static float Apply(float a, float b) => a <= b ? 1f : 0f;
}

internal readonly struct GtOp : IScalarBinary
{
    public static float Apply(float a, float b) => a > b ? 1f : 0f;
}

internal readonly struct GeOp : IScalarBinary
{
    public static float Apply(float a, float b) => a >= b ? 1f : 0f;
}

/// <summary>Applies binary kernels with broadcasting.</summary>
internal static class Binary
{
    public static Tensor Apply<TKernel>(Tensor a, Tensor b)
        where TKernel : IBinaryKernel
    {
        var shape = Broadcast.Shapes(a._shape, b._shape);
        var result = TensorStorage.Uninitialized((int)Tensor.ShapeSize(shape));
        Into<TKernel>(a, b, result, shape);
        return new Tensor(result, shape);
    }

    public static void Into<TKernel>(Tensor a, Tensor b, float[] result, int[] shape)
        where TKernel : IBinaryKernel
    {
        float[] da = a._data,
            db = b._data;
        if (a.NumEl == result.Length && b.NumEl == result.Length)
        {
            ParallelRanges.For(result.Length, new SameShape<TKernel>(da, db, result));
            return;
        }
        Broadcast.ForEachRun(a._shape, b._shape, shape, (oa, sa, ob, sb, oo, n) =>
        {
            var dest = result.AsSpan(oo, n);
            if (sa == 1 && sb == 1)
                TKernel.Run(da.AsSpan(oa, n), db.AsSpan(ob, n), dest);
            else if (sa == 1)
                TKernel.Run(da.AsSpan(oa, n), db[ob], dest);
            else if (sb == 1)
                TKernel.Run(da[oa], db.AsSpan(ob, n), dest);
            else
            {
                Span<float> one = stackalloc float[1];
                TKernel.Run(da.AsSpan(oa, 1), db.AsSpan(ob, 1), one);
                dest.Fill(one[0]);
            }
        });
    }

    /// <summary>Operands of the result's size: one contiguous run, split across cores when large.</summary>
    private readonly struct SameShape<TKernel>(float[] a, float[] b, float[] result) : IRangeBody
        where TKernel : IBinaryKernel
    {
        public void Run(int start, int length) =>
            TKernel.Run(a.AsSpan(start, length), b.AsSpan(start, length), result.AsSpan(start, length));
    }
}
