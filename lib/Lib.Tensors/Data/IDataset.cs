namespace Lib.Tensors.Data;

/// <summary>
/// A map-style dataset (PyTorch's <c>torch.utils.data.Dataset</c>): <see cref="Count"/> samples
/// addressed by index. Indexing should be side-effect free, because a <see cref="DataLoader{TSample, TBatch}"/>
/// reads samples on a background worker.
/// </summary>
public interface IDataset<out T>
{
    /// <summary>The number of samples.</summary>
    int Count { get; }

    /// <summary>The sample at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    T this[int index] { get; }
}
