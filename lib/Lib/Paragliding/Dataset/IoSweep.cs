using System.Diagnostics;
using Lib.Charts;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Paragliding.Dataset;

/// <summary>One setting of the I/O sweep: batch size, prefetch, and the samples per second of a full epoch.</summary>
public sealed record IoSweepRow(int BatchSize, int Prefetch, int Batches, double Seconds, double SamplesPerSecond);

/// <summary>
/// The I/O sweep of the sharded loader (Glideator's <c>find_optimal_dataloader_params</c>): one full epoch over the
/// shards for each batch size × prefetch, after one warm-up epoch, reading and collating only. A table and a chart
/// to look at, not a timed assertion: numbers depend on the machine and its load.
/// </summary>
public static class IoSweep
{
    /// <summary>Times every combination.</summary>
    public static IReadOnlyList<IoSweepRow> Run(
        IReadOnlyList<string> shards,
        IReadOnlyList<int> batchSizes,
        IReadOnlyList<int> prefetches
    )
    {
        var rows = new List<IoSweepRow>();
        foreach (int b in batchSizes)
        foreach (int p in prefetches)
        {
            var loader = new ShardedLoader(shards, b, shuffle: true, seed: 1, prefetch: p);
            Consume(loader); // warm-up: file cache, JIT
            var watch = Stopwatch.StartNew();
            int batches = Consume(loader);
            double s = watch.Elapsed.TotalSeconds;
            rows.Add(new IoSweepRow(b, p, batches, s, loader.Samples / Math.Max(s, 1e-9)));
        }
        return rows;
    }

    private static int Consume(ShardedLoader loader)
    {
        int n = 0;
        foreach (var batch in loader.Batches())
            n += batch.Size > 0 ? 1 : 0;
        return n;
    }

    /// <summary>The rows as a table.</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<IoSweepRow> rows) =>
        new(
            new PrimitiveDataFrameColumn<int>("batch_size", rows.Select(r => r.BatchSize)),
            new PrimitiveDataFrameColumn<int>("prefetch", rows.Select(r => r.Prefetch)),
            new PrimitiveDataFrameColumn<int>("batches", rows.Select(r => r.Batches)),
            new PrimitiveDataFrameColumn<double>("seconds", rows.Select(r => Math.Round(r.Seconds, 4))),
            new PrimitiveDataFrameColumn<double>("samples_per_s", rows.Select(r => Math.Round(r.SamplesPerSecond)))
        );

    /// <summary>Samples per second against batch size, one line per prefetch depth.</summary>
    public static GenericChart ThroughputChart(IReadOnlyList<IoSweepRow> rows) =>
        Chart
            .Combine(
                rows.GroupBy(r => r.Prefetch)
                    .Select(g =>
                        Chart.Line<int, double, string>(
                            g.Select(r => r.BatchSize),
                            g.Select(r => r.SamplesPerSecond),
                            Name: $"prefetch {g.Key}",
                            ShowMarkers: true
                        )
                    )
            )
            .WithTitle("Sharded loader throughput (one epoch)")
            .WithAxisTitles("batch size", "samples / s")
            .WithHeight(380);
}
