namespace Lib.Tensors;

// Slicing along one dimension: narrow, select, and the splits built on them (split, chunk, unbind).
// Every piece is a copy (storage is always contiguous); its gradient lands in its slot of the input.
public sealed partial class Tensor
{
    /// <summary>The slice [<paramref name="start"/>, start + <paramref name="length"/>) of <paramref name="dim"/>
    /// (<c>narrow</c>; a negative start counts from the end).</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        if (Dim == 0)
            throw new ArgumentException("Narrow needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, Dim);
        int size = _shape[d];
        int s = start < 0 ? start + size : start;
        if (s < 0 || s > size)
            throw new ArgumentOutOfRangeException(
                nameof(start),
                $"Narrow: start {start} is out of range for dimension {d} of size {size} (expected {-size} to {size})."
            );
        if (length < 0 || s + length > size)
            throw new ArgumentOutOfRangeException(
                nameof(length),
                $"Narrow: start {start} + length {length} exceeds dimension {d} of size {size} (shape "
                    + $"{ShapeText(Shape)})."
            );
        var shape = (int[])_shape.Clone();
        shape[d] = length;
        return Slice(d, s, length, shape, "NarrowBackward");
    }

    /// <summary>The slice at <paramref name="index"/> of <paramref name="dim"/>, that dimension removed (<c>select</c>;
    /// a negative index counts from the end).</summary>
    public Tensor Select(int dim, int index)
    {
        if (Dim == 0)
            throw new ArgumentException("Select needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, Dim);
        int size = _shape[d];
        int i = index < 0 ? index + size : index;
        if ((uint)i >= (uint)size)
            throw new ArgumentOutOfRangeException(
                nameof(index),
                $"Select: index {index} is out of range for dimension {d} of size {size} (expected {-size} to "
                    + $"{size - 1})."
            );
        return Slice(d, i, 1, DropDims(_shape, [d]), "SelectBackward");
    }

    /// <summary>Pieces of <paramref name="splitSize"/> along <paramref name="dim"/>, the last smaller when the size
    /// does not divide (<c>split</c>).</summary>
    public Tensor[] Split(int splitSize, int dim = 0)
    {
        if (Dim == 0)
            throw new ArgumentException("Split needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, Dim);
        int size = _shape[d];
        if (splitSize < 0 || (splitSize == 0 && size != 0))
            throw new ArgumentOutOfRangeException(
                nameof(splitSize),
                $"Split: splitSize must be positive (0 only for an empty dimension), got {splitSize} for "
                    + $"dimension {d} of size {size}."
            );
        int count = splitSize == 0 ? 1 : Math.Max((size + splitSize - 1) / splitSize, 1);
        var sizes = new int[count];
        for (int i = 0; i < count; i++)
            sizes[i] = Math.Min(splitSize, size - i * splitSize);
        return SplitSizes(sizes, d);
    }

    /// <summary>Pieces of the given <paramref name="sizes"/> along <paramref name="dim"/>; they must sum to that
    /// dimension's size (<c>split_with_sizes</c>).</summary>
    public Tensor[] Split(int[] sizes, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (Dim == 0)
            throw new ArgumentException("Split needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, Dim);
        long total = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] < 0)
                throw new ArgumentException(
                    $"Split: size {sizes[i]} at position {i} of [{string.Join(", ", sizes)}] is negative.",
                    nameof(sizes)
                );
            total += sizes[i];
        }
        if (total != _shape[d])
            throw new ArgumentException(
                $"Split: sizes [{string.Join(", ", sizes)}] sum to {total} but dimension {d} of "
                    + $"{ShapeText(Shape)} has size {_shape[d]}.",
                nameof(sizes)
            );
        return SplitSizes(sizes, d);
    }

    /// <summary>
    /// <paramref name="chunks"/> nearly equal pieces along <paramref name="dim"/>, as PyTorch's <c>chunk</c>:
    /// pieces of ⌈size / chunks⌉ with a smaller last one, so there may be fewer than <paramref name="chunks"/>.
    /// </summary>
    public Tensor[] Chunk(int chunks, int dim = 0)
    {
        if (Dim == 0)
            throw new ArgumentException("Chunk needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        if (chunks <= 0)
            throw new ArgumentOutOfRangeException(nameof(chunks), $"Chunk: chunks must be positive, got {chunks}.");
        int d = NormalizeDim(dim, Dim);
        int size = _shape[d];
        if (size == 0)
            return SplitSizes(new int[chunks], d);
        return Split((size + chunks - 1) / chunks, d);
    }

    /// <summary>The slices along <paramref name="dim"/>, that dimension removed (<c>unbind</c>).</summary>
    public Tensor[] Unbind(int dim = 0)
    {
        if (Dim == 0)
            throw new ArgumentException("Unbind needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, Dim);
        var shape = DropDims(_shape, [d]);
        var pieces = new Tensor[_shape[d]];
        for (int i = 0; i < pieces.Length; i++)
            pieces[i] = Slice(d, i, 1, shape, "UnbindBackward");
        return pieces;
    }

    private Tensor[] SplitSizes(int[] sizes, int d)
    {
        var pieces = new Tensor[sizes.Length];
        for (int i = 0, start = 0; i < sizes.Length; start += sizes[i], i++)
        {
            var shape = (int[])_shape.Clone();
            shape[d] = sizes[i];
            pieces[i] = Slice(d, start, sizes[i], shape, "SplitBackward");
        }
        return pieces;
    }

    /// <summary>[start, start + length) of dimension <paramref name="d"/> as a tensor of
    /// <paramref name="shape"/>.</summary>
    private Tensor Slice(int d, int start, int length, int[] shape, string name)
    {
        var result = new Tensor(SliceData(_data, _shape, d, start, length), shape);
        return Record(result, name, [this], g => [new Tensor(EmbedData(g._data, _shape, d, start, length), _shape)]);
    }
}
