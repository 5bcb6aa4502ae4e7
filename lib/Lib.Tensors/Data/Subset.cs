namespace Lib.Tensors.Data;

/// <summary>The samples of <see cref="Dataset"/> at <see cref="Indices"/>, in that order (PyTorch's
/// <c>Subset</c>).</summary>
public sealed class Subset<T> : IDataset<T>
{
    private readonly int[] _indices;

    /// <summary>A view of <paramref name="dataset"/> at <paramref name="indices"/> (each checked against its
    /// size).</summary>
    public Subset(IDataset<T> dataset, IReadOnlyList<int> indices)
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _indices = [.. indices ?? throw new ArgumentNullException(nameof(indices))];
        for (int i = 0; i < _indices.Length; i++)
            if ((uint)_indices[i] >= (uint)dataset.Count)
                throw new ArgumentOutOfRangeException(
                    nameof(indices),
                    $"indices[{i}] = {_indices[i]} is out of range for a dataset of {dataset.Count} samples."
                );
    }

    /// <summary>The underlying dataset.</summary>
    public IDataset<T> Dataset { get; }

    /// <summary>The indices into <see cref="Dataset"/>.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc/>
    public int Count => _indices.Length;

    /// <inheritdoc/>
    public T this[int index] =>
        (uint)index < (uint)_indices.Length
            ? Dataset[_indices[index]]
            : throw new ArgumentOutOfRangeException(
                nameof(index),
                $"Index {index} is out of range for a subset of {_indices.Length} samples."
            );
}
