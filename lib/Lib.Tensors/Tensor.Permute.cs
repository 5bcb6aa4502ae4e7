namespace Lib.Tensors;

// Reordering dimensions: permute and transpose (copies, since storage is always contiguous).
public sealed partial class Tensor
{
    /// <summary>The dimensions reordered so that result dimension i is this tensor's dimension
    /// <c>dims[i]</c>.</summary>
    public Tensor Permute(params int[] dims)
    {
        if (dims.Length != Dim)
            throw new ArgumentException(
                $"Permute needs {Dim} dimensions for shape {ShapeText(Shape)}, got [{string.Join(", ", dims)}]."
            );
        var order = dims.Select(d => NormalizeDim(d, Dim)).ToArray();
        if (order.Distinct().Count() != Dim)
            throw new ArgumentException($"Permute: [{string.Join(", ", dims)}] repeats a dimension.");
        bool identity = true;
        for (int i = 0; i < Dim; i++)
            identity &= order[i] == i;
        if (identity)
            return this;
        var shape = order.Select(d => _shape[d]).ToArray();
        var result = TensorStorage.Uninitialized(NumEl);
        PermuteInto(_data, _shape, order, result);
        var inverse = new int[Dim];
        for (int i = 0; i < Dim; i++)
            inverse[order[i]] = i;
        return Record(new Tensor(result, shape), "PermuteBackward", [this], g => [g.Permute(inverse)]);
    }

    /// <summary>Swaps two dimensions.</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        var order = Enumerable.Range(0, Dim).ToArray();
        int a = NormalizeDim(dim0, Dim),
            b = NormalizeDim(dim1, Dim);
        (order[a], order[b]) = (order[b], order[a]);
        return Permute(order);
    }

    /// <summary>The transpose of a 2-D tensor (<c>.T</c> / <c>t()</c>).</summary>
    public Tensor T =>
        Dim == 2
            ? Transpose(0, 1)
            : throw new InvalidOperationException(
                $"T needs a 2-D tensor; this one has shape {ShapeText(Shape)}. Use Permute or Transpose."
            );

    private static void PermuteInto(float[] src, int[] shape, int[] order, float[] dest)
    {
        int rank = shape.Length;
        var srcStrides = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; i--)
        {
            srcStrides[i] = s;
            s *= shape[i];
        }
        var outShape = order.Select(d => shape[d]).ToArray();
        var stride = order.Select(d => srcStrides[d]).ToArray();
        int inner = outShape[^1],
            innerStride = stride[^1];
        var index = new int[rank - 1];
        int offset = 0,
            o = 0;
        int total = dest.Length;
        while (o < total)
        {
            if (innerStride == 1)
                src.AsSpan(offset, inner).CopyTo(dest.AsSpan(o, inner));
            else
                for (int j = 0, p = offset; j < inner; j++, p += innerStride)
                    dest[o + j] = src[p];
            o += inner;
            for (int d = rank - 2; d >= 0; d--)
            {
                offset += stride[d];
                if (++index[d] < outShape[d])
                    break;
                offset -= stride[d] * outShape[d];
                index[d] = 0;
            }
        }
    }
}
