namespace Lib.Tensors;

/// <summary>
/// Integer indices with a shape (PyTorch's int64 index tensors; int32 here): token ids, class
/// targets, gather/scatter positions, sequence lengths. Never carries gradients.
/// </summary>
public sealed class IndexTensor
{
    internal readonly int[] _data;
    internal readonly int[] _shape;

    private IndexTensor(int[] data, int[] shape)
    {
        long count = Tensor.ShapeSize(Tensor.Checked(shape));
        if (count != data.Length)
            throw new ArgumentException(
                $"Shape {Tensor.ShapeText(shape)} holds {count} indices but {data.Length} were given."
            );
        _data = data;
        _shape = (int[])shape.Clone();
    }

    /// <summary>The size of each dimension.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Dim => _shape.Length;

    /// <summary>The total number of indices.</summary>
    public int NumEl => _data.Length;

    /// <summary>The indices in row-major order.</summary>
    public ReadOnlySpan<int> Data => _data;

    /// <summary>The storage, writable (for filling batches without a copy).</summary>
    public Span<int> AsSpan() => _data;

    /// <summary>Indices over a copy of <paramref name="values"/> (1-D when no shape is given).</summary>
    public static IndexTensor FromArray(int[] values, params int[] shape) =>
        new((int[])values.Clone(), shape.Length == 0 ? [values.Length] : shape);

    /// <summary>Indices over <paramref name="values"/> itself (no copy).</summary>
    public static IndexTensor Wrap(int[] values, params int[] shape) =>
        new(values, shape.Length == 0 ? [values.Length] : shape);

    /// <summary>Zeros of the given shape.</summary>
    public static IndexTensor Zeros(params int[] shape) => new(new int[Tensor.ShapeSize(Tensor.Checked(shape))], shape);

    /// <summary>The same indices with a new shape (one -1 inferred).</summary>
    public IndexTensor Reshape(params int[] shape)
    {
        var resolved = (int[])shape.Clone();
        int infer = Array.IndexOf(resolved, -1);
        if (infer >= 0)
        {
            long known = 1;
            for (int i = 0; i < resolved.Length; i++)
                if (i != infer)
                    known *= resolved[i];
            resolved[infer] = known == 0 ? 0 : (int)(NumEl / known);
        }
        return new(_data, resolved);
    }

    /// <summary>The indices as a float tensor (for arithmetic with values).</summary>
    public Tensor ToTensor() => Tensor.Wrap(Array.ConvertAll(_data, v => (float)v), _shape);

    /// <summary>The indices as a new array.</summary>
    public int[] ToArray() => (int[])_data.Clone();

    /// <inheritdoc/>
    public override string ToString() =>
        $"IndexTensor({Tensor.ShapeText(Shape)}: [{string.Join(", ", _data.Take(20))}{(NumEl > 20 ? ", ..." : "")}])";
}
