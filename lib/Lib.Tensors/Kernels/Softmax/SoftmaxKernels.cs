using System.Numerics.Tensors;

namespace Lib.Tensors.Ops;

/// <summary>
/// Softmax, log-softmax and log-sum-exp over the middle axis of a tensor seen as [outer, size, inner],
/// forward and backward. The last dimension (inner = 1) is a loop over contiguous rows; other
/// dimensions reduce across rows of length inner, so every inner loop is a vectorised primitive.
/// Each is stable: the maximum is subtracted before exponentiating.
/// </summary>
internal static class SoftmaxKernels
{
    public static void Softmax(ReadOnlySpan<float> x, Span<float> y, int outer, int size, int inner)
    {
        if (size == 0)
            return;
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var row = x.Slice(o * size, size);
                var dst = y.Slice(o * size, size);
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), dst);
                TensorPrimitives.Exp(dst, dst);
                TensorPrimitives.Multiply(dst, 1f / TensorPrimitives.Sum(dst), dst);
            }
            return;
        }
        var max = new float[inner];
        var sum = new float[inner];
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            ColumnMax(x, block, size, inner, max);
            Array.Clear(sum);
            for (int r = 0; r < size; r++)
            {
                var dst = y.Slice(block + r * inner, inner);
                TensorPrimitives.Subtract(x.Slice(block + r * inner, inner), max, dst);
                TensorPrimitives.Exp(dst, dst);
                TensorPrimitives.Add(sum, dst, sum);
            }
            TensorPrimitives.Divide(1f, sum, sum);
            for (int r = 0; r < size; r++)
            {
                var dst = y.Slice(block + r * inner, inner);
                TensorPrimitives.Multiply(dst, sum, dst);
            }
        }
    }

    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> y, int outer, int size, int inner)
    {
        if (size == 0)
            return;
        if (inner == 1)
        {
            var tmp = new float[size];
            for (int o = 0; o < outer; o++)
            {
                var row = x.Slice(o * size, size);
                var dst = y.Slice(o * size, size);
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), dst);
                TensorPrimitives.Exp(dst, tmp);
                TensorPrimitives.Subtract(dst, MathF.Log(TensorPrimitives.Sum(tmp)), dst);
            }
            return;
        }
        var max = new float[inner];
        var sum = new float[inner];
        var exp = new float[inner];
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            ColumnMax(x, block, size, inner, max);
            Array.Clear(sum);
            for (int r = 0; r < size; r++)
            {
                var dst = y.Slice(block + r * inner, inner);
                TensorPrimitives.Subtract(x.Slice(block + r * inner, inner), max, dst);
                TensorPrimitives.Exp(dst, exp);
                TensorPrimitives.Add(sum, exp, sum);
            }
            TensorPrimitives.Log(sum, sum);
            for (int r = 0; r < size; r++)
            {
                var dst = y.Slice(block + r * inner, inner);
                TensorPrimitives.Subtract(dst, sum, dst);
            }
        }
    }

    /// <summary>log Σ exp into <paramref name="result"/> [outer·inner]. An infinite maximum is not
    /// subtracted (as in PyTorch), so a row of -∞ gives -∞ and a row holding +∞ gives +∞.</summary>
    public static void LogSumExp(ReadOnlySpan<float> x, Span<float> result, int outer, int size, int inner)
    {
        if (size == 0)
        {
            result.Fill(float.NegativeInfinity);
            return;
        }
        if (inner == 1)
        {
            var tmp = new float[size];
            for (int o = 0; o < outer; o++)
            {
                var row = x.Slice(o * size, size);
                float max = TensorPrimitives.Max(row);
                if (float.IsInfinity(max))
                    max = 0f;
                TensorPrimitives.Subtract(row, max, tmp);
                TensorPrimitives.Exp(tmp, tmp);
                result[o] = MathF.Log(TensorPrimitives.Sum(tmp)) + max;
            }
            return;
        }
        var colMax = new float[inner];
        var exp = new float[inner];
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            ColumnMax(x, block, size, inner, colMax);
            for (int i = 0; i < inner; i++)
                if (float.IsInfinity(colMax[i]))
                    colMax[i] = 0f;
            var sum = result.Slice(o * inner, inner);
            sum.Clear();
            for (int r = 0; r < size; r++)
            {
                TensorPrimitives.Subtract(x.Slice(block + r * inner, inner), colMax, exp);
                TensorPrimitives.Exp(exp, exp);
                TensorPrimitives.Add(sum, exp, sum);
            }
            TensorPrimitives.Log(sum, sum);
            TensorPrimitives.Add(sum, colMax, sum);
        }
    }

    /// <summary>dx = y ⊙ (g − Σ g⊙y) along the axis, from the saved output y.</summary>
    public static void SoftmaxBackward(
        ReadOnlySpan<float> g,
        ReadOnlySpan<float> y,
        Span<float> dx,
        int outer,
        int size,
        int inner
    )
    {
        if (size == 0)
            return;
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var gr = g.Slice(o * size, size);
                var yr = y.Slice(o * size, size);
                var dst = dx.Slice(o * size, size);
                TensorPrimitives.Subtract(gr, TensorPrimitives.Dot(gr, yr), dst);
                TensorPrimitives.Multiply(dst, yr, dst);
            }
            return;
        }
        var dot = new float[inner];
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            Array.Clear(dot);
            for (int r = 0; r < size; r++)
                TensorPrimitives.MultiplyAdd(
                    g.Slice(block + r * inner, inner),
                    y.Slice(block + r * inner, inner),
                    dot,
                    dot
                );
            for (int r = 0; r < size; r++)
            {
                var dst = dx.Slice(block + r * inner, inner);
                TensorPrimitives.Subtract(g.Slice(block + r * inner, inner), dot, dst);
                TensorPrimitives.Multiply(dst, y.Slice(block + r * inner, inner), dst);
            }
        }
    }

    /// <summary>dx = g − exp(y) ⊙ Σ g along the axis, from the saved output y = log_softmax(x).</summary>
    public static void LogSoftmaxBackward(
        ReadOnlySpan<float> g,
        ReadOnlySpan<float> y,
        Span<float> dx,
        int outer,
        int size,
        int inner
    )
    {
        if (size == 0)
            return;
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var gr = g.Slice(o * size, size);
                var dst = dx.Slice(o * size, size);
                float sum = TensorPrimitives.Sum(gr);
                TensorPrimitives.Exp(y.Slice(o * size, size), dst);
                TensorPrimitives.Multiply(dst, sum, dst);
                TensorPrimitives.Subtract(gr, dst, dst);
            }
            return;
        }
        var colSum = new float[inner];
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            Array.Clear(colSum);
            for (int r = 0; r < size; r++)
                TensorPrimitives.Add(colSum, g.Slice(block + r * inner, inner), colSum);
            for (int r = 0; r < size; r++)
            {
                var dst = dx.Slice(block + r * inner, inner);
                TensorPrimitives.Exp(y.Slice(block + r * inner, inner), dst);
                TensorPrimitives.Multiply(dst, colSum, dst);
                TensorPrimitives.Subtract(g.Slice(block + r * inner, inner), dst, dst);
            }
        }
    }

    /// <summary>The elementwise maximum of the <paramref name="size"/> rows of one [size, inner] block (NaN
    /// propagates).</summary>
    private static void ColumnMax(ReadOnlySpan<float> x, int block, int size, int inner, Span<float> max)
    {
        x.Slice(block, inner).CopyTo(max);
        for (int r = 1; r < size; r++)
            TensorPrimitives.Max(max, x.Slice(block + r * inner, inner), max);
    }
}
