using System.Globalization;
using System.Text.Json;
using Benchmarks.Models;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.Optim;

namespace Benchmarks;

/// <summary>
/// <c>paragliding</c>: the XC-odds workflow's data path and model on the bundled data. (1) The I/O sweep of the
/// WebDataset-style tar shards (<see cref="IoSweep"/>: one epoch of the training shards per batch size × prefetch,
/// after a warm-up epoch; reading, decoding and collating only). (2) The shipped <see cref="GlideatorNet"/> with the
/// default <see cref="ParaglidingTrainOptions"/>: training steps (forward, BCE + monotonicity + L1 + L2, backward,
/// Adam) and inference (forward + sigmoid, no gradients) on real training batches, without weather (one time slice,
/// the default model) and with 77 weather variables at three hours (Glideator's input width, values drawn N(0, 1)).
/// </summary>
internal sealed class ParaglidingBenchmark : IBenchmark
{
    public string Name => "paragliding";

    public string Description =>
        "Paragliding: the tar-shard I/O sweep (batch size × prefetch) and GlideatorNet train/infer samples/s";

    public int Run(IReadOnlyList<string> args, bool json, TextWriter output)
    {
        var batchSizes = Ints(Option(args, "--batch-sizes") ?? "64,256,1024,4096");
        var prefetches = Ints(Option(args, "--prefetch") ?? "0,2,8");
        var rule = new TimingRule(
            MinSeconds: double.Parse(Option(args, "--min-time") ?? "3", CultureInfo.InvariantCulture),
            MaxSeconds: double.Parse(Option(args, "--max-time") ?? "10", CultureInfo.InvariantCulture)
        );
        var dataFolder = Option(args, "--data") ?? Path.Combine(RepoRoot(), "data", "paragliding");
        var shards = Directory.CreateTempSubdirectory("lab-bench-paragliding-").FullName;
        try
        {
            var data = ParaglidingDatasetStep.Run(dataFolder, shards);
            var train = data.Shards[DaySplit.Train];
            if (!json)
                output.WriteLine($"I/O sweep: {data.Set.Split(DaySplit.Train).Count:N0} training site-days, {train.Count} shards");
            foreach (var row in IoSweep.Run(train, batchSizes, prefetches))
                Write(
                    output,
                    json,
                    new()
                    {
                        ["benchmark"] = "paragliding_io",
                        ["batch_size"] = row.BatchSize,
                        ["prefetch"] = row.Prefetch,
                        ["batches"] = row.Batches,
                        ["seconds"] = Math.Round(row.Seconds, 4),
                        ["samples_per_s"] = Math.Round(row.SamplesPerSecond),
                    }
                );
            var options = new ParaglidingTrainOptions();
            var samples = data.Set.Split(DaySplit.Train);
            foreach (int weather in new[] { 0, 77 })
                Model(output, json, data, options, samples, weather, rule);
            return 0;
        }
        finally
        {
            Directory.Delete(shards, recursive: true);
        }
    }

    private static void Model(
        TextWriter output,
        bool json,
        ParaglidingData data,
        ParaglidingTrainOptions options,
        IReadOnlyList<SiteDay> samples,
        int weatherVariables,
        TimingRule rule
    )
    {
        var generator = new Generator(options.Seed);
        var network = new GlideatorNet(
            options.ModelConfig(
                data.Set.Sites.Count,
                SiteFeatures.Names.Count,
                DateFeatures.Names.Count,
                weatherVariables
            ),
            generator
        );
        var random = new Random(7);
        float Normal() =>
            (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var withWeather = weatherVariables == 0
            ? samples
            : [.. samples.Select(s => s with { Weather = [.. Enumerable.Range(0, 3 * weatherVariables).Select(_ => Normal())] })];
        const int Pool = 8;
        SiteDayBatch[] Batches(int size) =>
            [.. Enumerable.Range(0, Pool).Select(i => SiteDayBatch.Collate([.. withWeather.Skip(i * size).Take(size)]))];
        var trainBatches = Batches(options.BatchSize);
        const int InferBatch = 2048;
        var inferBatches = Batches(InferBatch);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        network.Train();
        var trained = TimedLoop.Run(
            i =>
            {
                var b = trainBatches[i % Pool];
                optimizer.ZeroGrad();
                var step = GlideatorLoss.Step(network.Forward(b), b.Labels, network.Parameters(), options);
                var loss = step.Auxiliary!.Values.Aggregate(step.Loss, (sum, t) => sum + t);
                loss.Backward();
                optimizer.Step();
                loss.Item();
            },
            rule
        );
        network.Eval();
        var inferred = TimedLoop.Run(
            i =>
            {
                using var noGrad = GradMode.NoGrad();
                _ = network.Forward(inferBatches[i % Pool]).Sigmoid().Data[0];
            },
            rule
        );
        Write(
            output,
            json,
            new()
            {
                ["benchmark"] = "paragliding_glideator_net",
                ["weather_variables"] = weatherVariables,
                ["time_slices"] = network.Config.TimeSlices,
                ["parameters"] = network.NumParameters(),
                ["train_batch"] = options.BatchSize,
                ["train_samples_per_s"] = Math.Round(options.BatchSize * trained.StepsPerSecond),
                ["train_median_ms"] = Math.Round(trained.MedianMs, 3),
                ["train_samples_per_s_at_median"] = Math.Round(options.BatchSize * 1000 / trained.MedianMs),
                ["infer_batch"] = InferBatch,
                ["infer_samples_per_s"] = Math.Round(InferBatch * inferred.StepsPerSecond),
                ["infer_median_ms"] = Math.Round(inferred.MedianMs, 3),
                ["infer_samples_per_s_at_median"] = Math.Round(InferBatch * 1000 / inferred.MedianMs),
                ["train_cpu"] = trained.Cpu,
                ["infer_cpu"] = inferred.Cpu,
            }
        );
    }

    private static void Write(TextWriter output, bool json, Dictionary<string, object> fields)
    {
        if (json)
            output.WriteLine(JsonSerializer.Serialize(fields));
        else
            output.WriteLine(
                string.Join(
                    "  ",
                    fields.Select(f =>
                        $"{f.Key}={(f.Value is IReadOnlyDictionary<string, object> d ? string.Join("/", d.Values) : f.Value)}"
                    )
                )
            );
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        int i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    private static int[] Ints(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture))];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
