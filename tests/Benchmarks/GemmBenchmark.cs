using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lib.Tensors.Kernels;

namespace Benchmarks;

/// <summary>
/// float32 GEMM throughput: square 256/512/1024 on 2 threads and 1 (torch.mm's sizes in
/// tests/Benchmarks/pytorch/matmul_bench.py) and the skinny products the lab's models run, in the transpose
/// combinations their forward and backward passes use. Median GFLOP/s over repeated calls after warm-up.
/// </summary>
internal sealed class GemmBenchmark : IBenchmark
{
    private sealed record Shape(string Name, bool TransA, bool TransB, int M, int N, int K, int Batch = 1);

    private static readonly int[] SquareSizes = [256, 512, 1024];

    private static readonly Shape[] ModelShapes =
    [
        // LSTM gates: x·Wᵀ over 4·64 gates with 67 inputs; backward dX = dG·W, dW = dGᵀ·X.
        new("lstm gates x*W^T", false, true, 256, 256, 67),
        new("lstm gates dG*W", false, false, 256, 67, 256),
        new("lstm gates dG^T*X", true, false, 256, 67, 256),
        new("lstm hidden h*W^T", false, true, 256, 256, 64),
        new("lstm hidden [256x64]*[64x256]", false, false, 256, 256, 64),
        // Attention over 128 sequences x 4 heads of 40 tokens, head size 32.
        new("attention Q*K^T", false, true, 40, 40, 32, 512),
        new("attention P*V", false, false, 40, 32, 40, 512),
        new("attention dP^T*Q", true, false, 40, 32, 40, 512),
        // Linear 60 -> 128 on a batch of 2048.
        new("linear x*W^T", false, true, 2048, 128, 60),
        new("linear [2048x60]*[60x128]", false, false, 2048, 128, 60),
        new("linear dY*W", false, false, 2048, 60, 128),
        new("linear dY^T*X", true, false, 128, 60, 2048),
        // Transformer feed-forward 128 -> 512 on 5120 tokens.
        new("ffn [5120x128]*[128x512]", false, false, 5120, 512, 128),
        new("ffn x*W^T", false, true, 5120, 512, 128),
        new("ffn dY^T*X", true, false, 512, 128, 5120),
    ];

    public string Name => "gemm";

    public string Description => "float32 Gemm.Sgemm GFLOP/s: square 256-1024 on 1 and 2 threads, and the models' skinny shapes";

    public int Run(IReadOnlyList<string> args, bool json, TextWriter output)
    {
        double seconds = 1.5;
        var path = Gemm.Path;
        bool square = true, model = true;
        int modelThreads = 2;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Count: seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--path" when i + 1 < args.Count: path = Enum.Parse<GemmPath>(args[++i], ignoreCase: true); break;
                case "--threads" when i + 1 < args.Count: modelThreads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--square": model = false; break;
                // Blocking sweeps (GemmBlocking's fields).
                case "--kc" when i + 1 < args.Count: GemmBlocking.Kc = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--in-place-a" when i + 1 < args.Count: GemmBlocking.InPlaceAColumns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--mc" when i + 1 < args.Count: GemmBlocking.Mc = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--bfloats" when i + 1 < args.Count: GemmBlocking.BFloats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--model": square = false; break;
                default:
                    Console.Error.WriteLine($"gemm: unknown option '{args[i]}'. Options: --seconds S (per shape, default 1.5), --path Scalar|Vector256|Vector512, --threads N (model shapes, default 2), --square, --model, --kc N, --mc N, --bfloats N, --in-place-a N.");
                    return 2;
            }
        }
        if (!Gemm.IsSupported(path))
        {
            Console.Error.WriteLine($"gemm: the {path} path is not supported on this machine.");
            return 2;
        }

        if (!json) output.WriteLine($"Gemm path {path}, {Environment.ProcessorCount} cores, {seconds:0.#} s per shape (median call; others = cores other processes used meanwhile)");
        if (!json) output.WriteLine($"{"shape",-34} {"threads",7} {"ms",10} {"GFLOP/s",9} {"best",9} {"others",7}");
        var shapes = new List<(Shape Shape, int Threads, bool Square)>();
        if (square)
            foreach (int threads in new[] { 2, 1 })
                foreach (int n in SquareSizes) shapes.Add((new($"square {n}", false, false, n, n, n), threads, true));
        if (model)
            foreach (var s in ModelShapes) shapes.Add((s, modelThreads, false));

        foreach (var (shape, threads, isSquare) in shapes)
        {
            var before = CpuContention.Take();
            var (median, best, calls) = Measure(shape, path, threads, seconds);
            var cpu = CpuContention.Between(before, CpuContention.Take());
            double flop = 2.0 * shape.Batch * shape.M * shape.N * shape.K;
            double gflops = flop / median / 1e9, gflopsBest = flop / best / 1e9;
            if (json)
            {
                var row = new Dictionary<string, object>
                {
                    ["path"] = "Gemm.Sgemm",
                    ["kernel"] = path.ToString(),
                };
                if (isSquare) row["n"] = shape.N;
                else
                {
                    row["shape"] = shape.Name;
                    row["op"] = (shape.TransA ? "T" : "N") + (shape.TransB ? "T" : "N");
                    row["batch"] = shape.Batch;
                    row["m"] = shape.M;
                    row["n"] = shape.N;
                    row["k"] = shape.K;
                }
                row["threads"] = threads;
                row["calls"] = calls;
                row["gflops_median"] = Math.Round(gflops, 2);
                row["gflops_best"] = Math.Round(gflopsBest, 2);
                row["ms_median"] = Math.Round(median * 1000, 4);
                row["cpu"] = new Dictionary<string, double> { ["own_cores"] = cpu.OwnCores, ["other_cores"] = cpu.OtherCores };
                output.WriteLine(JsonSerializer.Serialize(row));
            }
            else
            {
                string label = isSquare ? shape.Name : $"{shape.Name} ({(shape.TransA ? "T" : "N")}{(shape.TransB ? "T" : "N")}{(shape.Batch > 1 ? $" x{shape.Batch}" : "")})";
                output.WriteLine($"{label,-34} {threads,7} {median * 1000,10:0.0000} {gflops,9:0.0} {gflopsBest,9:0.0} {cpu.OtherCores,7:0.00}");
            }
        }
        return 0;
    }

    /// <summary>Median and best seconds per call after a warm-up, over at least <paramref name="seconds"/> and 10 calls.</summary>
    private static (double Median, double Best, int Calls) Measure(Shape s, GemmPath path, int threads, double seconds)
    {
        var random = new Random(s.M * 31 + s.N * 7 + s.K);
        int lda = s.TransA ? s.M : s.K, ldb = s.TransB ? s.K : s.N, ldc = s.N;
        long strideA = (long)s.M * s.K, strideB = (long)s.K * s.N, strideC = (long)s.M * s.N;
        var a = Filled(random, strideA * s.Batch);
        var b = Filled(random, strideB * s.Batch);
        var c = new float[strideC * s.Batch];
        void Call() => Gemm.SgemmBatched(path, threads, s.Batch, s.TransA, s.TransB, s.M, s.N, s.K, 1f,
            a, lda, strideA, b, ldb, strideB, 0f, c, ldc, strideC);

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.3, seconds / 4)) Call();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || times.Count < 10)
        {
            long t0 = Stopwatch.GetTimestamp();
            Call();
            times.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[0], times.Count);
    }

    private static float[] Filled(Random random, long count)
    {
        var data = new float[count];
        for (long i = 0; i < count; i++) data[i] = (float)(random.NextDouble() * 2 - 1);
        return data;
    }
}
