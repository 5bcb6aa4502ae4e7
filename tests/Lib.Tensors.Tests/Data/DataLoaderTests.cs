using Lib.Tensors.Data;

namespace Lib.Tensors.Tests.Data;

public class DataLoaderTests
{
    private static ListDataset<int> Numbers(int n) => new([.. Enumerable.Range(0, n)]);

    private static int[] Ids(IReadOnlyList<int> samples) => [.. samples];

    private static List<int[]> Epoch<T>(DataLoader<int, T> loader, Func<T, int[]> ids) => [.. loader.Select(ids)];

    [Fact]
    public void Batches_the_dataset_in_order_without_shuffle()
    {
        var loader = new DataLoader<int, int[]>(Numbers(7), Ids, batchSize: 3);
        Assert.Equal(3, loader.Count);
        var batches = Epoch(loader, b => b);
        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], batches);
        Assert.Equal([3, 3, 1], loader.Batches().Select(b => b.Size));
        Assert.Equal([0, 1, 2], loader.Batches().Select(b => b.Index));
    }

    [Fact]
    public void DropLast_drops_only_an_incomplete_last_batch()
    {
        var loader = new DataLoader<int, int[]>(Numbers(7), Ids, batchSize: 3, dropLast: true);
        Assert.Equal(2, loader.Count);
        Assert.Equal([[0, 1, 2], [3, 4, 5]], Epoch(loader, b => b));
        var exact = new DataLoader<int, int[]>(Numbers(6), Ids, batchSize: 3, dropLast: true);
        Assert.Equal(2, exact.Count);
        Assert.Equal(2, Epoch(exact, b => b).Count);
        Assert.Equal(0, new DataLoader<int, int[]>(Numbers(2), Ids, batchSize: 3, dropLast: true).Count);
    }

    [Fact]
    public void Shuffle_visits_every_index_exactly_once_per_epoch_with_a_new_order_each_epoch()
    {
        var loader = new DataLoader<int, int[]>(Numbers(50), Ids, batchSize: 8, shuffle: true, generator: new Generator(3));
        var orders = new List<int[]>();
        for (int epoch = 0; epoch < 4; epoch++)
        {
            Assert.Equal(epoch, loader.Epoch);
            var order = loader.SelectMany(b => b).ToArray();
            Assert.Equal(Enumerable.Range(0, 50), order.Order());
            Assert.NotEqual(Enumerable.Range(0, 50), order);
            orders.Add(order);
        }
        Assert.Equal(4, orders.Select(o => string.Join(",", o)).Distinct().Count());
    }

    [Fact]
    public void Shuffle_order_depends_only_on_the_seed_and_the_epoch()
    {
        DataLoader<int, int[]> Make(long seed) => new(Numbers(20), Ids, batchSize: 5, shuffle: true, generator: new Generator(seed));
        var a = Make(11);
        var b = Make(11);
        var epochsA = Enumerable.Range(0, 3).Select(_ => a.SelectMany(x => x).ToArray()).ToList();
        var epochsB = Enumerable.Range(0, 3).Select(_ => b.SelectMany(x => x).ToArray()).ToList();
        Assert.Equal(epochsA, epochsB);

        var jumped = Make(11);
        jumped.Epoch = 2; // a resumed run starts at epoch 2 directly
        Assert.Equal(epochsA[2], jumped.SelectMany(x => x).ToArray());
        Assert.Equal(epochsA[1], jumped.Order(1));

        Assert.NotEqual(epochsA[0], Make(12).SelectMany(x => x).ToArray());
    }

    [Fact]
    public void Shuffle_needs_an_explicit_generator_and_checks_its_arguments()
    {
        Assert.Throws<ArgumentException>(() => new DataLoader<int, int[]>(Numbers(3), Ids, shuffle: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int, int[]>(Numbers(3), Ids, batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int, int[]>(Numbers(3), Ids, prefetch: -1));
        var plain = new DataLoader<int, int[]>(Numbers(3), Ids);
        Assert.Null(plain.ShuffleSeed);
        Assert.Throws<InvalidOperationException>(() => plain.ShuffleSeed = 5);
    }

    [Fact]
    public void Prefetch_runs_on_a_worker_and_preserves_the_order()
    {
        int consumer = Environment.CurrentManagedThreadId;
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        int[] Slow(IReadOnlyList<int> s)
        {
            threads.Add(Environment.CurrentManagedThreadId);
            Thread.SpinWait((s[0] * 7919) % 20_000); // uneven work, so a reordering bug would show
            return [.. s];
        }
        var ahead = new DataLoader<int, int[]>(Numbers(200), Slow, batchSize: 3, shuffle: true, generator: new Generator(5), prefetch: 3);
        var inline = new DataLoader<int, int[]>(Numbers(200), Ids, batchSize: 3, shuffle: true, generator: new Generator(5), prefetch: 0);
        Assert.Equal(Epoch(inline, b => b), Epoch(ahead, b => b));
        Assert.DoesNotContain(consumer, threads);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_failing_collate_surfaces_on_the_consumer_with_the_batch_index_after_the_earlier_batches(int prefetch)
    {
        int[] Failing(IReadOnlyList<int> s) => s[0] == 9 ? throw new FormatException("bad sample 9") : [.. s];
        var loader = new DataLoader<int, int[]>(Numbers(20), Failing, batchSize: 3, prefetch: prefetch);
        var seen = new List<int>();
        var e = Assert.Throws<DataLoaderException>(() => { foreach (var b in loader) seen.Add(b[0]); });
        Assert.Equal([0, 3, 6], seen);
        Assert.Equal(3, e.BatchIndex);
        Assert.Equal(0, e.Epoch);
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Contains("batch 3 of epoch 0", e.Message);
        Assert.Contains("bad sample 9", e.Message);
    }

    [Fact]
    public void Stopping_mid_epoch_cancels_the_worker_after_at_most_prefetch_extra_batches()
    {
        int calls = 0;
        int[] Counting(IReadOnlyList<int> s) { Interlocked.Increment(ref calls); return [.. s]; }
        var loader = new DataLoader<int, int[]>(Numbers(1000), Counting, batchSize: 1, prefetch: 2);
        int taken = 0;
        foreach (var _ in loader) if (++taken == 3) break; // Dispose cancels and joins the worker
        int after = Volatile.Read(ref calls);
        Assert.InRange(after, 3, 3 + 2);
        Assert.Equal(1, loader.Epoch);
        // The loader still works: the next enumeration is a full new epoch.
        Assert.Equal(1000, loader.Count());
    }

    [Fact]
    public void Disposing_an_enumerator_that_was_never_advanced_stops_the_worker()
    {
        var loader = new DataLoader<int, int[]>(Numbers(100), Ids, batchSize: 1, prefetch: 4);
        using (var e = loader.GetEnumerator()) { }
        using var f = loader.GetEnumerator();
        Assert.True(f.MoveNext());
        Assert.Equal([0], f.Current);
    }

    [Fact]
    public void Works_with_TensorDataset_and_the_stacking_collate()
    {
        var x = Tensor.Arange(0, 10).Reshape(5, 2);
        var y = Tensor.Arange(0, 5);
        var loader = new DataLoader<Tensor[], Tensor[]>(new TensorDataset(x, y), Collate.StackFields, batchSize: 2);
        var batches = loader.ToList();
        Assert.Equal(3, batches.Count);
        Assert.Equal([2, 2], batches[0][0].Shape);
        Assert.Equal([1, 2], batches[2][0].Shape);
        Assert.Equal([8f, 9f], batches[2][0].ToArray());
        Assert.Equal([4f], batches[2][1].ToArray());
    }
}
