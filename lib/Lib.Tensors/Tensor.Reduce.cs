using System.Numerics.Tensors;

namespace Lib.Tensors;

// Sum and mean over dimensions; other reductions build on the same [outer, reduced, inner] view.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a 0-dimensional tensor.</summary>
    public Tensor Sum()
    {
        var result = new Tensor([TensorPrimitives.Sum(_data)], []);
        return Record(result, "SumBackward", [this], g => [FilledResult(g._data[0], _shape)]);
    }

    /// <summary>The sum over <paramref name="dims"/> (negative counts from the end), keeping them as size 1 with
    /// <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int[] dims, bool keepDim = false)
    {
        var reduced = ReducedDims(dims);
        var data = _data;
        var shape = (int[])_shape.Clone();
        foreach (int d in reduced)
        {
            data = SumOneDim(data, shape, d);
            shape[d] = 1;
        }
        var keptShape = shape;
        var result = new Tensor(
            data == _data ? (float[])data.Clone() : data,
            keepDim ? keptShape : DropDims(keptShape, reduced)
        );
        return Record(result, "SumBackward", [this], g => [g.Reshape(keptShape).Expand(_shape)]);
    }

    /// <summary>The sum over one dimension.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>The mean of all elements.</summary>
    public Tensor Mean() => Sum().Mul(Scalar(1f / NumEl));

    /// <summary>The mean over <paramref name="dims"/>.</summary>
    public Tensor Mean(int[] dims, bool keepDim = false)
    {
        long count = 1;
        foreach (int d in ReducedDims(dims))
            count *= _shape[d];
        return Sum(dims, keepDim).Mul(Scalar(1f / count));
    }

    /// <summary>The mean over one dimension.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>Normalised, distinct, sorted dimensions; an error names a bad one.</summary>
    internal int[] ReducedDims(int[] dims)
    {
        var sorted = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++)
            sorted[i] = NormalizeDim(dims[i], Dim);
        Array.Sort(sorted);
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i] == sorted[i - 1])
                throw RepeatedDim(dims, sorted[i]);
        return sorted;
    }

    private ArgumentException RepeatedDim(int[] dims, int repeated) =>
        new(
            $"Dimension {dims.First(d => NormalizeDim(d, Dim) == repeated)} appears more than once in "
                + $"[{string.Join(", ", dims)}]."
        );

    internal static int[] DropDims(int[] shape, int[] dims)
    {
        int kept = 0;
        for (int i = 0; i < shape.Length; i++)
            if (Array.IndexOf(dims, i) < 0)
                kept++;
        var result = new int[kept];
        for (int i = 0, j = 0; i < shape.Length; i++)
            if (Array.IndexOf(dims, i) < 0)
                result[j++] = shape[i];
        return result;
    }

    /// <summary>(outer, size, inner) of dimension <paramref name="dim"/>: the tensor seen as [outer, size,
    /// inner].</summary>
    internal static (int Outer, int Size, int Inner) OuterSizeInner(int[] shape, int dim)
    {
        int outer = 1,
            inner = 1;
        for (int i = 0; i < dim; i++)
            outer *= shape[i];
        for (int i = dim + 1; i < shape.Length; i++)
            inner *= shape[i];
        return (outer, shape.Length == 0 ? 1 : shape[dim], inner);
    }

    private static float[] SumOneDim(float[] data, int[] shape, int dim)
    {
        var (outer, size, inner) = OuterSizeInner(shape, dim);
        var result = TensorStorage.Zeroed(outer * inner);
        for (int o = 0; o < outer; o++)
        {
            var dest = result.AsSpan(o * inner, inner);
            int baseOffset = o * size * inner;
            if (inner == 1)
            {
                dest[0] = TensorPrimitives.Sum(data.AsSpan(baseOffset, size));
                continue;
            }
            for (int r = 0; r < size; r++)
                TensorPrimitives.Add(dest, data.AsSpan(baseOffset + r * inner, inner), dest);
        }
        return result;
    }
}
