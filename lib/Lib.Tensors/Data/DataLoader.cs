using System.Collections;

namespace Lib.Tensors.Data;

/// <summary>
/// Batches of a dataset (PyTorch's <c>DataLoader</c>): <c>batchSize</c> samples at a time, collated
/// by a function, optionally shuffled and with the last incomplete batch dropped, prepared ahead on a
/// background worker.
/// </summary>
/// <remarks>
/// <para><b>Shuffling.</b> A shuffled loader draws one seed from its <see cref="Generator"/> when it is
/// built (<see cref="ShuffleSeed"/>); epoch <c>e</c>'s order is a permutation seeded by that seed and
/// <c>e</c> alone. A new order each epoch, and epoch <c>e</c> of a run seeded <c>s</c> is always
/// the same order, whatever ran before it (so a resumed run matches an uninterrupted one).</para>
/// <para><b>Prefetch.</b> With <c>prefetch</c> &gt; 0 a worker task reads and collates up to that many
/// batches ahead of the consumer; batches arrive in order. A failure in the dataset or the collate
/// surfaces on the consumer as a <see cref="DataLoaderException"/> naming the batch, after the
/// batches before it. Disposing the enumerator (leaving a <c>foreach</c>) cancels the worker and
/// waits for it. With <c>prefetch</c> = 0 everything runs on the consumer's thread.</para>
/// </remarks>
public sealed class DataLoader<TSample, TBatch> : IDataLoader<TBatch>
{
    private readonly Func<IReadOnlyList<TSample>, TBatch> _collate;
    private long? _shuffleSeed;

    /// <summary>Creates a loader over <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="collate">Turns the samples of one batch into the batch (see <see cref="Collate"/>).</param>
    /// <param name="batchSize">Samples per batch (at least 1).</param>
    /// <param name="shuffle">A new random order each epoch; needs <paramref name="generator"/>.</param>
    /// <param name="generator">The source of the shuffle seed (one draw, at construction).</param>
    /// <param name="dropLast">Drops the last batch when it has fewer than <paramref name="batchSize"/> samples.</param>
    /// <param name="prefetch">Batches prepared ahead on a worker (0 = none, on the consumer's thread).</param>
    public DataLoader(
        IDataset<TSample> dataset,
        Func<IReadOnlyList<TSample>, TBatch> collate,
        int batchSize = 1,
        bool shuffle = false,
        Generator? generator = null,
        bool dropLast = false,
        int prefetch = 2
    )
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _collate = collate ?? throw new ArgumentNullException(nameof(collate));
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"batchSize must be at least 1, got {batchSize}.");
        if (prefetch < 0)
            throw new ArgumentOutOfRangeException(nameof(prefetch), $"prefetch must be 0 or more, got {prefetch}.");
        if (shuffle && generator is null)
            throw new ArgumentException(
                "shuffle=true needs an explicit seeded Generator (the engine has no hidden global randomness).",
                nameof(generator)
            );
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Prefetch = prefetch;
        if (shuffle)
            _shuffleSeed = Permutation.DrawSeed(generator!);
    }

    /// <summary>The dataset.</summary>
    public IDataset<TSample> Dataset { get; }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch has a new random order.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether the last incomplete batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches prepared ahead on the worker.</summary>
    public int Prefetch { get; }

    /// <inheritdoc/>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <inheritdoc/>
    public int Epoch { get; set; }

    /// <inheritdoc/>
    /// <remarks>Settable so a checkpoint can restore it; it must stay null exactly when the loader does not
    /// shuffle.</remarks>
    public long? ShuffleSeed
    {
        get => _shuffleSeed;
        set
        {
            if (value.HasValue != Shuffle)
                throw new InvalidOperationException(
                    Shuffle
                        ? "A shuffled loader needs a shuffle seed."
                        : "This loader does not shuffle, so it takes no shuffle seed."
                );
            _shuffleSeed = value;
        }
    }

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the dataset (every index once; identity
    /// without shuffle).</summary>
    public int[] Order(int epoch)
    {
        if (!Shuffle)
        {
            var identity = new int[Dataset.Count];
            for (int i = 0; i < identity.Length; i++)
                identity[i] = i;
            return identity;
        }
        return Permutation.Random(Dataset.Count, new Generator(Permutation.EpochSeed(_shuffleSeed!.Value, epoch)));
    }

    /// <inheritdoc/>
    public IEnumerable<LoaderBatch<TBatch>> Batches() => new BatchEnumerable(this);

    /// <summary>Enumerates the batches of epoch <see cref="Epoch"/>, then increments it.</summary>
    public IEnumerator<TBatch> GetEnumerator() => new ValueEnumerator(Open());

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private BatchEnumerator Open() => new(this, Epoch++);

    private LoaderBatch<TBatch> Load(int[] order, int batch)
    {
        int start = batch * BatchSize,
            end = Math.Min(start + BatchSize, order.Length);
        var samples = new TSample[end - start];
        for (int i = start; i < end; i++)
            samples[i - start] = Dataset[order[i]];
        return new LoaderBatch<TBatch>(batch, samples.Length, _collate(samples));
    }

    private sealed class BatchEnumerable(DataLoader<TSample, TBatch> loader) : IEnumerable<LoaderBatch<TBatch>>
    {
        public IEnumerator<LoaderBatch<TBatch>> GetEnumerator() => loader.Open();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ValueEnumerator(BatchEnumerator inner) : IEnumerator<TBatch>
    {
        public TBatch Current => inner.Current.Value;
        object? IEnumerator.Current => Current;

        public bool MoveNext() => inner.MoveNext();

        public void Reset() => throw new NotSupportedException("Enumerate the loader again for the next epoch.");

        public void Dispose() => inner.Dispose();
    }

    private sealed class BatchEnumerator : IEnumerator<LoaderBatch<TBatch>>
    {
        private readonly DataLoader<TSample, TBatch> _loader;
        private readonly int _epoch,
            _count;
        private readonly int[] _order;
        private readonly PrefetchWorker<LoaderBatch<TBatch>>? _worker;
        private int _next;
        private bool _done;

        public BatchEnumerator(DataLoader<TSample, TBatch> loader, int epoch)
        {
            _loader = loader;
            _epoch = epoch;
            _count = loader.Count;
            _order = loader.Order(epoch);
            if (loader.Prefetch > 0 && _count > 0)
                _worker = new PrefetchWorker<LoaderBatch<TBatch>>(_count, loader.Prefetch, b => loader.Load(_order, b));
        }

        public LoaderBatch<TBatch> Current { get; private set; }
        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_done)
                return false;
            if (_worker is null)
            {
                if (_next >= _count)
                    return Finish();
                int batch = _next++;
                try
                {
                    Current = _loader.Load(_order, batch);
                }
                catch (Exception e)
                {
                    _done = true;
                    throw new DataLoaderException(batch, _epoch, e);
                }
                return true;
            }
            if (!_worker.TryTake(out var item))
                return Finish();
            if (item.Error is not null)
            {
                _done = true;
                throw new DataLoaderException(item.Index, _epoch, item.Error);
            }
            Current = item.Value!;
            return true;
        }

        private bool Finish()
        {
            _done = true;
            return false;
        }

        public void Reset() => throw new NotSupportedException("Enumerate the loader again for the next epoch.");

        public void Dispose()
        {
            _done = true;
            _worker?.Dispose();
        }
    }
}
