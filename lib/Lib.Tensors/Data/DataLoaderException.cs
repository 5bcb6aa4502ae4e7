namespace Lib.Tensors.Data;

/// <summary>Reading or collating a batch failed; the inner exception is the original error.</summary>
public sealed class DataLoaderException(int batchIndex, int epoch, Exception inner)
    : Exception($"Loading batch {batchIndex} of epoch {epoch} failed: {inner.Message}", inner)
{
    /// <summary>The index of the failed batch within its epoch.</summary>
    public int BatchIndex { get; } = batchIndex;

    /// <summary>The epoch being loaded.</summary>
    public int Epoch { get; } = epoch;
}
