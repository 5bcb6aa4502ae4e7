using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Benchmarks.Models;
using Lib.Tensors.Autograd;

namespace Benchmarks;

/// <summary>
/// Training and inference throughput of the five benchmark models (two of them the workflows' own, from <c>Lib</c>), with the same timing rule and JSON
/// fields as the PyTorch scripts in <c>tests/Benchmarks/pytorch/</c>. Each model runs in a process of
/// its own so that peak RSS is that model's.
/// </summary>
internal sealed class ModelsBenchmark : IBenchmark
{
    private static readonly Dictionary<string, Func<IModelBenchmark>> Models = new()
    {
        ["hier_lstm"] = () => new HierLstmBenchmark(),
        ["transformer_grade"] = () => new TransformerGradeBenchmark(),
        ["dcn_multilabel"] = () => new DcnMultilabelBenchmark(),
        ["gnn_traj"] = () => new GnnTrajBenchmark(),
        ["bilstm_clip"] = () => new BiLstmClipBenchmark(),
        ["trajectory_gnn"] = () => new TrajectoryGnnBenchmark(),
    };

    public string Name => "models";

    public string Description => "train/infer samples/s, peak RSS and bytes allocated per step of the five benchmark models (hier_lstm and transformer_grade: the workflows' own) [--models a,b] [--min-time S] [--max-time S] [--threads N]";

    public int Run(IReadOnlyList<string> args, bool json, TextWriter output)
    {
        Options options;
        try { options = Options.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"models: {e.Message} Options: --models a,b (of {string.Join(", ", Models.Keys)}), --min-time S, --max-time S, --min-steps N, --threads N, --json.");
            return 2;
        }
        var selected = options.Models ?? [.. Models.Keys];
        foreach (var name in selected)
            if (!Models.ContainsKey(name))
            {
                Console.Error.WriteLine($"Unknown model '{name}'. Known: {string.Join(", ", Models.Keys)}.");
                return 2;
            }
        if (selected.Count == 1 && options.InProcess)
        {
            if (options.Threads is int threads) Lib.Tensors.Kernels.Gemm.MaxThreads = threads;
            var result = Measure(Models[selected[0]](), options.Rule);
            output.WriteLine(json ? JsonSerializer.Serialize(result) : Describe(result));
            return 0;
        }
        int failures = 0;
        foreach (var name in selected) failures += RunChild(name, args, json, output) == 0 ? 0 : 1;
        return failures == 0 ? 0 : 1;
    }

    private static int RunChild(string model, IReadOnlyList<string> args, bool json, TextWriter output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ModelsBenchmark).Assembly.Location);
        start.ArgumentList.Add("models");
        if (json) start.ArgumentList.Add("--json");
        foreach (var a in Options.WithoutModels(args)) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--models");
        start.ArgumentList.Add(model);
        start.ArgumentList.Add("--in-process");
        using var child = Process.Start(start)!;
        string text = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        output.Write(text);
        return child.ExitCode;
    }

    private static Dictionary<string, object> Measure(IModelBenchmark bench, TimingRule rule)
    {
        long parameters = bench.Model.NumParameters();
        if (parameters != bench.ExpectedParameters)
            throw new InvalidOperationException($"{bench.Name} has {parameters:N0} parameters; the PyTorch model has {bench.ExpectedParameters:N0}.");
        double rssSetup = TimedLoop.PeakRssMb();
        bench.Model.Train();
        var losses = new List<float>();
        var train = TimedLoop.Run(i => losses.Add(bench.TrainStep(i)), rule);
        double rssTrain = TimedLoop.PeakRssMb();
        bench.Model.Eval();
        var infer = TimedLoop.Run(i =>
        {
            using var _ = GradMode.NoGrad();
            bench.InferStep(i);
        }, rule);
        return new Dictionary<string, object>
        {
            ["model"] = bench.Name,
            ["engine"] = "Lib.Tensors",
            ["sample_unit"] = bench.SampleUnit,
            ["batch_size"] = bench.BatchSize,
            ["params"] = parameters,
            ["train_steps_per_s"] = Math.Round(train.StepsPerSecond, 3),
            ["train_samples_per_s"] = Math.Round(train.StepsPerSecond * bench.BatchSize, 1),
            ["train_samples_per_s_at_median"] = Math.Round(1000.0 * bench.BatchSize / train.MedianMs, 1),
            ["train_step_ms_median"] = Math.Round(train.MedianMs, 2),
            ["train_step_ms_p10_p90"] = new[] { Math.Round(train.P10Ms, 2), Math.Round(train.P90Ms, 2) },
            ["train_timed_steps"] = train.Steps,
            ["train_timed_s"] = Math.Round(train.Seconds, 3),
            ["train_allocated_bytes_per_step"] = Math.Round(train.AllocatedBytesPerStep),
            ["infer_batches_per_s"] = Math.Round(infer.StepsPerSecond, 3),
            ["infer_samples_per_s"] = Math.Round(infer.StepsPerSecond * bench.BatchSize, 1),
            ["infer_samples_per_s_at_median"] = Math.Round(1000.0 * bench.BatchSize / infer.MedianMs, 1),
            ["infer_batch_ms_median"] = Math.Round(infer.MedianMs, 2),
            ["infer_batch_ms_p10_p90"] = new[] { Math.Round(infer.P10Ms, 2), Math.Round(infer.P90Ms, 2) },
            ["infer_timed_steps"] = infer.Steps,
            ["infer_timed_s"] = Math.Round(infer.Seconds, 3),
            ["infer_allocated_bytes_per_step"] = Math.Round(infer.AllocatedBytesPerStep),
            ["peak_rss_mb"] = Math.Round(TimedLoop.PeakRssMb(), 1),
            ["rss_mb_after_setup"] = Math.Round(rssSetup, 1),
            ["rss_mb_after_train"] = Math.Round(rssTrain, 1),
            ["loss_first"] = losses[0],
            ["loss_last"] = losses[^1],
            ["loss_finite"] = losses.All(float.IsFinite),
            ["train_cpu"] = train.Cpu,
            ["infer_cpu"] = infer.Cpu,
            ["train_gc"] = train.Gc,
            ["infer_gc"] = infer.Gc,
            ["threads"] = Lib.Tensors.Kernels.Gemm.MaxThreads,
            ["train_cpu_ms_per_step"] = CpuMsPerStep(train),
            ["infer_cpu_ms_per_step"] = CpuMsPerStep(infer),
            ["train_page_faults_per_step"] = Math.Round(train.PageFaultsPerStep),
            ["infer_page_faults_per_step"] = Math.Round(infer.PageFaultsPerStep),
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["config"] = bench.Config,
        };
    }

    /// <summary>CPU time this process used per step (all its threads): steadier than wall time on a shared machine.</summary>
    private static double CpuMsPerStep(PhaseResult phase) => Math.Round(phase.CpuSeconds * 1000 / phase.Steps, 2);

    private static string Describe(Dictionary<string, object> r) => string.Format(CultureInfo.InvariantCulture,
        "{0,-18} params {1,9:N0}  train {2,10:N1} {3}/s ({4} ms/step, {5:N0} B alloc/step)  infer {6,11:N1} {3}/s  peak RSS {7} MB  loss {8:G4} -> {9:G4}",
        r["model"], r["params"], r["train_samples_per_s"], r["sample_unit"], r["train_step_ms_median"], r["train_allocated_bytes_per_step"],
        r["infer_samples_per_s"], r["peak_rss_mb"], r["loss_first"], r["loss_last"]);

    private sealed record Options(List<string>? Models, bool InProcess, TimingRule Rule, int? Threads)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            List<string>? models = null;
            bool inProcess = false;
            int? threads = null;
            var rule = new TimingRule();
            for (int i = 0; i < args.Count; i++)
            {
                string option = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"'{option}' needs a value.");
                double Seconds()
                {
                    string text = Value();
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
                        ? s : throw new ArgumentException($"'{option}' needs a non-negative number of seconds, got '{text}'.");
                }
                switch (option)
                {
                    case "--models": models = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                    case "--in-process": inProcess = true; break;
                    case "--min-time": rule = rule with { MinSeconds = Seconds() }; break;
                    case "--max-time": rule = rule with { MaxSeconds = Seconds() }; break;
                    case "--min-steps":
                        string steps = Value();
                        rule = rule with { MinSteps = int.TryParse(steps, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"'--min-steps' needs a positive integer, got '{steps}'.") };
                        break;
                    case "--threads":
                        string count = Value();
                        threads = int.TryParse(count, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : throw new ArgumentException($"'--threads' needs a positive integer, got '{count}'.");
                        break;
                    default: throw new ArgumentException($"Unknown option '{option}'.");
                }
            }
            return new Options(models, inProcess, rule, threads);
        }

        public static IEnumerable<string> WithoutModels(IReadOnlyList<string> args)
        {
            for (int i = 0; i < args.Count; i++)
            {
                if (args[i] == "--models") { i++; continue; }
                if (args[i] == "--in-process") continue;
                yield return args[i];
            }
        }
    }
}
