namespace Lib.Tensors.Data;

/// <summary>
/// Rows of one or more tensors that share their first dimension (PyTorch's <c>TensorDataset</c>):
/// sample <c>i</c> is <c>[t0[i], t1[i], ...]</c>, each row a new tensor of shape <c>t.Shape[1..]</c>.
/// Pair it with <see cref="Collate.StackFields"/>.
/// </summary>
public sealed class TensorDataset : IDataset<Tensor[]>
{
    private readonly Tensor[] _tensors;

    /// <summary>Wraps <paramref name="tensors"/> (not copied; rows are copied when read).</summary>
    public TensorDataset(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
            throw new ArgumentException("TensorDataset needs at least one tensor.", nameof(tensors));
        for (int i = 0; i < tensors.Length; i++)
        {
            if (tensors[i].Dim == 0)
                throw new ArgumentException(
                    $"Tensor {i} is 0-dimensional; every tensor needs a first (sample) dimension.",
                    nameof(tensors)
                );
            if (tensors[i].Size(0) != tensors[0].Size(0))
                throw new ArgumentException(
                    $"Size mismatch between tensors: tensor 0 has {tensors[0].Size(0)} rows "
                        + $"({Tensor.ShapeText(tensors[0].Shape)}) but tensor {i} has {tensors[i].Size(0)} rows "
                        + $"({Tensor.ShapeText(tensors[i].Shape)}).",
                    nameof(tensors)
                );
        }
        _tensors = tensors;
    }

    /// <summary>The wrapped tensors.</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <inheritdoc/>
    public int Count => _tensors[0].Size(0);

    /// <summary>Copies of row <paramref name="index"/> of every tensor.</summary>
    public Tensor[] this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"Index {index} is out of range for a TensorDataset of {Count} rows."
                );
            var rows = new Tensor[_tensors.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                var t = _tensors[i];
                int rowSize = t.NumEl / Math.Max(1, t.Size(0));
                rows[i] = new Tensor(t._data.AsSpan(index * rowSize, rowSize).ToArray(), t._shape[1..]);
            }
            return rows;
        }
    }
}
