using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Benchmarks.Models;
using Lib.Tensors.Autograd;
using TorchSharp;

namespace Benchmarks;

/// <summary>
/// Training and inference throughput of the benchmark models (the workflows' own from <c>Lib</c>, and three seed
/// shapes), with the same timing rule and JSON fields as the PyTorch scripts in <c>tests/Benchmarks/pytorch/</c>.
/// <c>--engine torch</c> times a shipped model's TorchSharp twin (<c>Lib.Torch</c>, LibTorch's CPU, as many threads as
/// the engine) with the same weights, batches, loss and optimizer; <c>--engine both</c> times both sides in one sitting
/// and prints the ratios. Each model and side runs in a process of its own so that peak RSS is that model's.
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
        ["glideator_net"] = () => new GlideatorNetBenchmark(),
        ["siamese_lstm"] = () => new SiameseLstmBenchmark(),
    };

    /// <summary>The TorchSharp twins of the shipped models, by the engine benchmark's name (<c>--engine torch|both</c>);
    /// track's and climbing's from tcore's twins; the seed shapes have none.</summary>
    private static readonly Dictionary<string, Func<ITorchModelBenchmark>> TorchModels = new()
    {
        ["hier_lstm"] = () => new HierLstmTorchBenchmark(),
        ["transformer_grade"] = () => new TransformerGradeTorchBenchmark(),
        ["trajectory_gnn"] = () => new TrajectoryGnnTorchBenchmark(),
        ["glideator_net"] = () => new GlideatorNetTorchBenchmark(),
        ["siamese_lstm"] = () => new SiameseLstmTorchBenchmark(),
    };

    public string Name => "models";

    public string Description => "train/infer samples/s, peak RSS and bytes allocated per step of the benchmark models (the workflows' own and three seed shapes) [--models a,b] [--engine engine|torch|both] [--min-time S] [--max-time S] [--threads N]";

    public int Run(IReadOnlyList<string> args, bool json, TextWriter output)
    {
        Options options;
        try { options = Options.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"models: {e.Message} Options: --models a,b (of {string.Join(", ", Models.Keys)}), --engine engine|torch|both, --min-time S, --max-time S, --min-steps N, --threads N, --json.");
            return 2;
        }
        var selected = options.Models ?? [.. Models.Keys.Where(m => options.Engine != "torch" || TorchModels.ContainsKey(m))];
        foreach (var name in selected)
            if (!Models.ContainsKey(name))
            {
                Console.Error.WriteLine($"Unknown model '{name}'. Known: {string.Join(", ", Models.Keys)}.");
                return 2;
            }
        if (selected.Count == 1 && options.InProcess)
        {
            if (options.Threads is int threads) Lib.Tensors.Kernels.Gemm.MaxThreads = threads;
            var result = options.Engine == "torch"
                ? MeasureTorch(TorchModels.TryGetValue(selected[0], out var twin) ? twin() : throw new ArgumentException($"'{selected[0]}' has no TorchSharp twin."), options.Rule)
                : Measure(Models[selected[0]](), options.Rule);
            output.WriteLine(json ? JsonSerializer.Serialize(result) : Describe(result));
            return 0;
        }
        int failures = 0;
        string[] sides = options.Engine == "both" ? ["engine", "torch"] : [options.Engine];
        var results = new List<JsonElement>();
        foreach (var name in selected)
            foreach (var side in sides)
            {
                if (side == "torch" && !TorchModels.ContainsKey(name))
                {
                    Console.Error.WriteLine($"{name}: no TorchSharp twin (a seed shape); engine only.");
                    continue;
                }
                var text = new StringWriter();
                failures += RunChild(name, side, args, text) == 0 ? 0 : 1;
                foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (json) output.WriteLine(line);
                    try
                    {
                        var element = JsonDocument.Parse(line).RootElement.Clone();
                        results.Add(element);
                        if (!json) output.WriteLine(Describe(element));
                    }
                    catch (JsonException) { if (!json) output.WriteLine(line); }
                }
            }
        if (!json && options.Engine == "both") output.Write(RatioTable(results));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The engine against TorchSharp, model by model: samples/s in training and inference and their ratios
    /// (engine / TorchSharp: above 1, the engine is faster), as a Markdown table.</summary>
    private static string RatioTable(IReadOnlyList<JsonElement> results)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine();
        text.WriteLine("| model | params | threads | train engine | train TorchSharp | ratio | infer engine | infer TorchSharp | ratio | train CPU ms/step engine / TorchSharp |");
        text.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var engine in results.Where(r => r.GetProperty("engine").GetString() == "Lib.Tensors"))
        {
            string model = engine.GetProperty("model").GetString()!;
            var torchSide = results.FirstOrDefault(r => r.GetProperty("model").GetString() == model && r.GetProperty("engine").GetString() != "Lib.Tensors");
            if (torchSide.ValueKind != JsonValueKind.Object) continue;
            double Get(JsonElement r, string field) => r.GetProperty(field).GetDouble();
            text.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "| {0} | {1:N0} | {2} | {3:N0} | {4:N0} | {5:F2}× | {6:N0} | {7:N0} | {8:F2}× | {9:F2} / {10:F2} |",
                model, Get(engine, "params"), engine.GetProperty("threads").GetInt32(),
                Get(engine, "train_samples_per_s"), Get(torchSide, "train_samples_per_s"),
                Get(engine, "train_samples_per_s") / Get(torchSide, "train_samples_per_s"),
                Get(engine, "infer_samples_per_s"), Get(torchSide, "infer_samples_per_s"),
                Get(engine, "infer_samples_per_s") / Get(torchSide, "infer_samples_per_s"),
                Get(engine, "train_cpu_ms_per_step"), Get(torchSide, "train_cpu_ms_per_step")));
        }
        return text.ToString();
    }

    private static int RunChild(string model, string engine, IReadOnlyList<string> args, TextWriter output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ModelsBenchmark).Assembly.Location);
        start.ArgumentList.Add("models");
        start.ArgumentList.Add("--json");
        foreach (var a in Options.WithoutModels(args)) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--models");
        start.ArgumentList.Add(model);
        start.ArgumentList.Add("--engine");
        start.ArgumentList.Add(engine);
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
            throw new InvalidOperationException($"{bench.Name} has {parameters:N0} parameters; expected {bench.ExpectedParameters:N0} (its PyTorch or TorchSharp twin's count).");
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
        return Result(bench.Name, "Lib.Tensors", bench.SampleUnit, bench.BatchSize, parameters, train, infer, losses,
            rssSetup, rssTrain, Lib.Tensors.Kernels.Gemm.MaxThreads,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, bench.Config);
    }

    /// <summary>Times a TorchSharp twin as <see cref="Measure"/> times the engine: the same rule and fields, each
    /// step in a TorchSharp dispose scope, LibTorch on as many threads as the engine's GEMM.</summary>
    private static Dictionary<string, object> MeasureTorch(ITorchModelBenchmark bench, TimingRule rule)
    {
        torch.set_num_threads(Lib.Tensors.Kernels.Gemm.MaxThreads);
        long parameters = bench.Model.parameters().Sum(p => p.numel());
        if (parameters != bench.Engine.ExpectedParameters)
            throw new InvalidOperationException($"{bench.Engine.Name}'s twin has {parameters:N0} parameters; the engine model has {bench.Engine.ExpectedParameters:N0}.");
        double rssSetup = TimedLoop.PeakRssMb();
        bench.Model.train();
        var losses = new List<float>();
        var train = TimedLoop.Run(i => losses.Add(bench.TrainStep(i)), rule, () => torch.NewDisposeScope());
        double rssTrain = TimedLoop.PeakRssMb();
        bench.Model.eval();
        var infer = TimedLoop.Run(i =>
        {
            using var _ = torch.no_grad();
            bench.InferStep(i);
        }, rule, () => torch.NewDisposeScope());
        return Result(bench.Engine.Name, "TorchSharp-cpu", bench.Engine.SampleUnit, bench.Engine.BatchSize, parameters, train, infer, losses,
            rssSetup, rssTrain, torch.get_num_threads(),
            $"TorchSharp {typeof(torch).Assembly.GetName().Version}, "
                + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            bench.Engine.Config);
    }

    /// <summary>One model's line of output, the same fields on either side (PyTorch's names plus ours).</summary>
    private static Dictionary<string, object> Result(string name, string engine, string sampleUnit, int batchSize,
        long parameters, PhaseResult train, PhaseResult infer, List<float> losses, double rssSetup, double rssTrain,
        int threads, string runtime, object config) =>
        new()
        {
            ["model"] = name,
            ["engine"] = engine,
            ["sample_unit"] = sampleUnit,
            ["batch_size"] = batchSize,
            ["params"] = parameters,
            ["train_steps_per_s"] = Math.Round(train.StepsPerSecond, 3),
            ["train_samples_per_s"] = Math.Round(train.StepsPerSecond * batchSize, 1),
            ["train_samples_per_s_at_median"] = Math.Round(1000.0 * batchSize / train.MedianMs, 1),
            ["train_step_ms_median"] = Math.Round(train.MedianMs, 2),
            ["train_step_ms_p10_p90"] = new[] { Math.Round(train.P10Ms, 2), Math.Round(train.P90Ms, 2) },
            ["train_timed_steps"] = train.Steps,
            ["train_timed_s"] = Math.Round(train.Seconds, 3),
            ["train_allocated_bytes_per_step"] = Math.Round(train.AllocatedBytesPerStep),
            ["infer_batches_per_s"] = Math.Round(infer.StepsPerSecond, 3),
            ["infer_samples_per_s"] = Math.Round(infer.StepsPerSecond * batchSize, 1),
            ["infer_samples_per_s_at_median"] = Math.Round(1000.0 * batchSize / infer.MedianMs, 1),
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
            ["threads"] = threads,
            ["train_cpu_ms_per_step"] = CpuMsPerStep(train),
            ["infer_cpu_ms_per_step"] = CpuMsPerStep(infer),
            ["train_page_faults_per_step"] = Math.Round(train.PageFaultsPerStep),
            ["infer_page_faults_per_step"] = Math.Round(infer.PageFaultsPerStep),
            ["runtime"] = runtime,
            ["config"] = config,
        };

    /// <summary>CPU time this process used per step (all its threads): steadier than wall time on a shared machine.</summary>
    private static double CpuMsPerStep(PhaseResult phase) => Math.Round(phase.CpuSeconds * 1000 / phase.Steps, 2);

    private static string Describe(JsonElement r) => string.Format(CultureInfo.InvariantCulture,
        "{0,-18} {10,-15} params {1,9:N0}  train {2,10:N1} {3}/s ({4} ms/step, {5:N0} B alloc/step)  infer {6,11:N1} {3}/s  peak RSS {7} MB  loss {8:G4} -> {9:G4}",
        r.GetProperty("model").GetString(), r.GetProperty("params").GetInt64(), r.GetProperty("train_samples_per_s").GetDouble(),
        r.GetProperty("sample_unit").GetString(), r.GetProperty("train_step_ms_median").GetDouble(),
        r.GetProperty("train_allocated_bytes_per_step").GetDouble(), r.GetProperty("infer_samples_per_s").GetDouble(),
        r.GetProperty("peak_rss_mb").GetDouble(), r.GetProperty("loss_first").GetDouble(), r.GetProperty("loss_last").GetDouble(),
        r.GetProperty("engine").GetString());

    private static string Describe(Dictionary<string, object> r) => string.Format(CultureInfo.InvariantCulture,
        "{0,-18} params {1,9:N0}  train {2,10:N1} {3}/s ({4} ms/step, {5:N0} B alloc/step)  infer {6,11:N1} {3}/s  peak RSS {7} MB  loss {8:G4} -> {9:G4}",
        r["model"], r["params"], r["train_samples_per_s"], r["sample_unit"], r["train_step_ms_median"], r["train_allocated_bytes_per_step"],
        r["infer_samples_per_s"], r["peak_rss_mb"], r["loss_first"], r["loss_last"]);

    private sealed record Options(List<string>? Models, bool InProcess, TimingRule Rule, int? Threads, string Engine)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            List<string>? models = null;
            bool inProcess = false;
            int? threads = null;
            string engine = "engine";
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
                    case "--engine":
                        engine = Value();
                        if (engine is not ("engine" or "torch" or "both")) throw new ArgumentException($"'--engine' is engine, torch or both, got '{engine}'.");
                        break;
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
            return new Options(models, inProcess, rule, threads, engine);
        }

        public static IEnumerable<string> WithoutModels(IReadOnlyList<string> args)
        {
            for (int i = 0; i < args.Count; i++)
            {
                if (args[i] is "--models" or "--engine") { i++; continue; }
                if (args[i] == "--in-process") continue;
                yield return args[i];
            }
        }
    }
}
