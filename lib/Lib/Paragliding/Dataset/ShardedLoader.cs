using System.Collections;
using System.Collections.Concurrent;
using System.Formats.Tar;
using Lib.Tensors;
using Lib.Tensors.Data;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// A sharded, iterable dataset and its loader in one (WebDataset's <c>WebDataset(shards).shuffle(n)</c> +
/// <c>WebLoader</c>): each epoch reads the tar shards in an order shuffled by (seed, epoch), streams their records
/// through a shuffle buffer of <see cref="ShuffleBuffer"/> samples, and collates batches of
/// <see cref="BatchSize"/> across shard boundaries. With <see cref="Prefetch"/> &gt; 0 a worker thread reads and
/// collates up to that many batches ahead. The sample count comes from one scan of the shards at construction, so
/// <see cref="Count"/> is exact.
/// </summary>
public sealed class ShardedLoader : IDataLoader<SiteDayBatch>
{
    /// <summary>A loader over <paramref name="shards"/>.</summary>
    /// <exception cref="InvalidDataException">A shard is not a tar of sample records (shard and record
    /// named).</exception>
    public ShardedLoader(
        IReadOnlyList<string> shards,
        int batchSize,
        bool shuffle = false,
        long seed = 0,
        int shuffleBuffer = 1000,
        int prefetch = 0
    )
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        Shards = shards;
        BatchSize = batchSize;
        Shuffle = shuffle;
        ShuffleSeed = shuffle ? seed : null;
        ShuffleBuffer = Math.Max(1, shuffleBuffer);
        Prefetch = prefetch;
        Samples = shards.Sum(s => ReadShard(s).Count());
    }

    /// <summary>The shard files.</summary>
    public IReadOnlyList<string> Shards { get; }

    /// <summary>Samples per batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Whether shard order and samples are shuffled each epoch.</summary>
    public bool Shuffle { get; }

    /// <summary>The shuffle buffer's size in samples.</summary>
    public int ShuffleBuffer { get; }

    /// <summary>Batches prepared ahead on a worker thread (0: on the caller's thread).</summary>
    public int Prefetch { get; }

    /// <summary>Samples in all shards.</summary>
    public int Samples { get; }

    /// <inheritdoc />
    public int Count => (Samples + BatchSize - 1) / BatchSize;

    /// <inheritdoc />
    public int Epoch { get; set; }

    /// <inheritdoc />
    public long? ShuffleSeed { get; set; }

    /// <summary>Every sample of <paramref name="shard"/> in record order.</summary>
    public static IEnumerable<SiteDay> ReadShard(string shard)
    {
        using var stream = File.OpenRead(shard);
        TarReader tar;
        try
        {
            tar = new TarReader(stream);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new InvalidDataException($"{shard}: not a tar shard ({e.Message})", e);
        }
        using (tar)
        {
            while (true)
            {
                TarEntry? entry;
                try
                {
                    entry = tar.GetNextEntry();
                }
                catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
                {
                    throw new InvalidDataException($"{shard}: a record does not read ({e.Message})", e);
                }
                if (entry is null)
                    yield break;
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    continue;
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                yield return SampleRecord.Decode(data.GetBuffer().AsSpan(0, (int)data.Length), shard, entry.Name);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<LoaderBatch<SiteDayBatch>> Batches()
    {
        int epoch = Epoch++;
        var batches = Produce(epoch);
        if (Prefetch == 0)
        {
            foreach (var b in batches)
                yield return b;
            yield break;
        }
        using var queue = new BlockingCollection<LoaderBatch<SiteDayBatch>>(Prefetch);
        using var cancel = new CancellationTokenSource();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                foreach (var b in batches)
                    queue.Add(b, cancel.Token);
            }
            catch (OperationCanceledException) { }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "shard prefetch",
        };
        worker.Start();
        try
        {
            foreach (var b in queue.GetConsumingEnumerable())
                yield return b;
            if (failure is not null)
                throw new InvalidDataException(failure.Message, failure);
        }
        finally
        {
            cancel.Cancel();
            worker.Join();
        }
    }

    private IEnumerable<LoaderBatch<SiteDayBatch>> Produce(int epoch)
    {
        // seeded by (seed, epoch) alone, as the engine's DataLoader, so a rerun sees the same orders
        var random = Shuffle ? new Random(unchecked((int)((ShuffleSeed ?? 0) * 1_000_003 + epoch * 7919))) : null;
        var order = Shards.ToArray();
        random?.Shuffle(order);
        var buffer = new List<SiteDay>(ShuffleBuffer);
        var pending = new List<SiteDay>(BatchSize);
        int index = 0;
        IEnumerable<SiteDay> Stream()
        {
            foreach (var shard in order)
            foreach (var s in ReadShard(shard))
            {
                if (random is null)
                {
                    yield return s;
                    continue;
                }
                if (buffer.Count < ShuffleBuffer)
                {
                    buffer.Add(s);
                    continue;
                }
                int pick = random.Next(buffer.Count);
                yield return buffer[pick];
                buffer[pick] = s;
            }
            if (random is not null)
            {
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
                foreach (var s in buffer)
                    yield return s;
            }
        }
        foreach (var s in Stream())
        {
            pending.Add(s);
            if (pending.Count == BatchSize)
            {
                yield return new LoaderBatch<SiteDayBatch>(index++, pending.Count, SiteDayBatch.Collate(pending));
                pending = new List<SiteDay>(BatchSize);
            }
        }
        if (pending.Count > 0)
            yield return new LoaderBatch<SiteDayBatch>(index, pending.Count, SiteDayBatch.Collate(pending));
    }

    /// <inheritdoc />
    public IEnumerator<SiteDayBatch> GetEnumerator() => Batches().Select(b => b.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
