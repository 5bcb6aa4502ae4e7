namespace Lib.Tensors.Data;

/// <summary>A dataset over samples already in memory (variable-length sequences, records).</summary>
public sealed class ListDataset<T>(IReadOnlyList<T> samples) : IDataset<T>
{
    private readonly IReadOnlyList<T> _samples = samples ?? throw new ArgumentNullException(nameof(samples));

    /// <inheritdoc/>
    public int Count => _samples.Count;

    /// <inheritdoc/>
    public T this[int index] =>
        (uint)index < (uint)_samples.Count
            ? _samples[index]
            : throw new ArgumentOutOfRangeException(
                nameof(index),
                $"Index {index} is out of range for a dataset of {_samples.Count} samples."
            );
}
