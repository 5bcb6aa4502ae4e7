namespace Lib.Tensors.Data;

/// <summary>
/// What a training loop needs from a loader: batches with their sizes, the number per epoch, and
/// control of the epoch so a resumed run sees the same orders as an uninterrupted one.
/// </summary>
public interface IDataLoader<TBatch> : IEnumerable<TBatch>
{
    /// <summary>The number of batches per epoch.</summary>
    int Count { get; }

    /// <summary>The epoch whose order the next enumeration uses; each enumeration then increments it.</summary>
    int Epoch { get; set; }

    /// <summary>The seed that fixes every epoch's shuffle order, or null when the loader does not shuffle.</summary>
    long? ShuffleSeed { get; set; }

    /// <summary>Enumerates one epoch (as <see cref="IEnumerable{T}.GetEnumerator"/> does) with each batch's index and
    /// sample count.</summary>
    IEnumerable<LoaderBatch<TBatch>> Batches();
}

/// <summary>A batch of an epoch: its position, the number of samples in it and the collated value.</summary>
public readonly record struct LoaderBatch<TBatch>(int Index, int Size, TBatch Value);
