namespace Lib.Tensors.Ops;

/// <summary>PyTorch's broadcasting rules and the strided loops that apply them.</summary>
internal static class Broadcast
{
    /// <summary>The broadcast shape of <paramref name="a"/> and <paramref name="b"/>, or an error naming
    /// both.</summary>
    public static int[] Shapes(int[] a, int[] b)
    {
        if (a.AsSpan().SequenceEqual(b))
            return a;
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException(
                    $"Shapes {Tensor.ShapeText(a)} and {Tensor.ShapeText(b)} cannot be broadcast: dimension {i} "
                        + $"is {da} vs {db} (sizes must match or one must be 1)."
                );
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Element strides of a tensor of <paramref name="shape"/> seen through <paramref name="outShape"/> (0
    /// where broadcast).</summary>
    public static int[] Strides(int[] shape, int[] outShape)
    {
        var strides = new int[outShape.Length];
        int stride = 1;
        for (int i = outShape.Length - 1, j = shape.Length - 1; i >= 0; i--, j--)
        {
            int size = j >= 0 ? shape[j] : 1;
            strides[i] = size == 1 && outShape[i] != 1 ? 0 : stride;
            stride *= size;
        }
        return strides;
    }

    /// <summary>
    /// Runs <paramref name="kernel"/> over runs of the output: (a offset, a step, b offset, b step, out offset,
    /// length),
    /// with steps 0 or 1 and neighbouring dimensions merged where both operands allow, so that the
    /// common cases (same shape, a row vector, a scalar) become a few long contiguous runs.
    /// </summary>
    public static void ForEachRun(int[] aShape, int[] bShape, int[] outShape, RunKernel kernel)
    {
        var sa = Strides(aShape, outShape);
        var sb = Strides(bShape, outShape);
        // Merge dimension i into i+1 when both operands are "contiguous" across the pair.
        var dims = new List<(int Size, int A, int B)>();
        for (int i = 0; i < outShape.Length; i++)
        {
            if (outShape[i] == 1)
                continue;
            if (dims.Count > 0)
            {
                var last = dims[^1];
                if (last.A == sa[i] * outShape[i] && last.B == sb[i] * outShape[i])
                {
                    dims[^1] = (last.Size * outShape[i], sa[i], sb[i]);
                    continue;
                }
            }
            dims.Add((outShape[i], sa[i], sb[i]));
        }
        if (dims.Count == 0)
        {
            kernel(0, 0, 0, 0, 0, 1);
            return;
        }
        var inner = dims[^1];
        int outer = dims.Count - 1;
        if (outer == 0)
        {
            kernel(0, inner.A, 0, inner.B, 0, inner.Size);
            return;
        }
        var index = new int[outer];
        int offA = 0,
            offB = 0,
            offOut = 0;
        while (true)
        {
            kernel(offA, inner.A, offB, inner.B, offOut, inner.Size);
            offOut += inner.Size;
            int d = outer - 1;
            for (; d >= 0; d--)
            {
                index[d]++;
                offA += dims[d].A;
                offB += dims[d].B;
                if (index[d] < dims[d].Size)
                    break;
                offA -= dims[d].A * dims[d].Size;
                offB -= dims[d].B * dims[d].Size;
                index[d] = 0;
            }
            if (d < 0)
                return;
        }
    }

    /// <summary>One contiguous run of a broadcast loop; steps are 0 (repeat one value) or 1.</summary>
    public delegate void RunKernel(int aOffset, int aStep, int bOffset, int bStep, int outOffset, int length);

    /// <summary>Sums <paramref name="grad"/> down to <paramref name="shape"/>, undoing a broadcast.</summary>
    public static Tensor SumTo(Tensor grad, int[] shape)
    {
        if (grad._shape.AsSpan().SequenceEqual(shape))
            return grad;
        int lead = grad.Dim - shape.Length;
        var dims = new List<int>();
        for (int i = 0; i < grad.Dim; i++)
            if (i < lead || (shape[i - lead] == 1 && grad._shape[i] != 1))
                dims.Add(i);
        var summed = dims.Count == 0 ? grad : grad.Sum([.. dims], keepDim: true);
        return summed.Reshape(shape);
    }
}
