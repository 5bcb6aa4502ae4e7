using System.Diagnostics;
using System.Globalization;
using Lib.Tensors;

namespace Benchmarks.Models;

/// <summary>The PyTorch scripts' timing rule: warm-up steps, then at least N steps and T seconds, stopping at a cap.</summary>
internal sealed record TimingRule(int Warmup = 5, int MinSteps = 30, double MinSeconds = 10, double MaxSeconds = 30);

/// <summary>What one timed phase measured.</summary>
internal sealed record PhaseResult(int Steps, double Seconds, double MedianMs, double P10Ms, double P90Ms, double AllocatedBytesPerStep,
    double CpuSeconds, double PageFaultsPerStep, IReadOnlyDictionary<string, object> Cpu, IReadOnlyDictionary<string, object> Gc)
{
    public double StepsPerSecond => Steps / Seconds;
}

internal static class TimedLoop
{
    /// <summary>Times <paramref name="step"/>; each call runs in a <see cref="DisposeScope"/> of its own, as the
    /// <see cref="Lib.Tensors.Training.Trainer"/> runs its steps, so a step reuses the arrays of the one before
    /// (or in the scope <paramref name="scope"/> opens: TorchSharp's <c>torch.NewDisposeScope</c> for a twin).</summary>
    public static PhaseResult Run(Action<int> step, TimingRule rule, Func<IDisposable>? scope = null)
    {
        step = Scoped(step, scope ?? (() => DisposeScope.Enter()));
        for (int i = 0; i < rule.Warmup; i++) step(i);
        var durations = new List<double>();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var before = CpuContention.Take();
        long faultsBefore = MinorFaults();
        var gcBefore = GcSnapshot.Take();
        var total = Stopwatch.StartNew();
        for (int i = rule.Warmup; ; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            step(i);
            durations.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            double elapsed = total.Elapsed.TotalSeconds;
            if (durations.Count >= rule.MinSteps && elapsed >= rule.MinSeconds) break;
            if (elapsed >= rule.MaxSeconds && durations.Count >= 5) break;
        }
        double seconds = total.Elapsed.TotalSeconds;
        var after = CpuContention.Take();
        long faults = MinorFaults() - faultsBefore;
        var cpu = Report(CpuContention.Between(before, after));
        var gc = GcSnapshot.Difference(gcBefore, GcSnapshot.Take(), durations.Count);
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        durations.Sort();
        return new PhaseResult(durations.Count, seconds, Percentile(durations, 0.5), Percentile(durations, 0.1), Percentile(durations, 0.9),
            (double)allocated / durations.Count, after.Own - before.Own, (double)faults / durations.Count, cpu, gc);
    }

    /// <summary>The <c>train_cpu</c> / <c>infer_cpu</c> fields, as <c>benchlib.contention</c> reports them: cores this process
    /// used, cores every other process used, and the 1-minute load average. The machine may be shared.</summary>
    private static IReadOnlyDictionary<string, object> Report(CpuContention cpu)
    {
        var result = new Dictionary<string, object> { ["own_cores"] = cpu.OwnCores, ["other_cores"] = cpu.OtherCores };
        try
        {
            result["loadavg_1m"] = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { }
        return result;
    }

    /// <summary>This process's minor page faults so far (field 10 of /proc/self/stat; 0 where unavailable). Each costs
    /// microseconds in a VM, and fresh memory from the OS faults once per page.</summary>
    private static long MinorFaults()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // from field 3 (state) on
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException or ArgumentOutOfRangeException) { }
        return 0;
    }

    private static Action<int> Scoped(Action<int> step, Func<IDisposable> enter) => i =>
    {
        using var scope = enter();
        step(i);
    };

    private static double Percentile(List<double> sorted, double q) => sorted[(int)Math.Clamp(Math.Round(q * (sorted.Count - 1)), 0, sorted.Count - 1)];

    /// <summary>Peak resident set size of this process in MiB (Linux VmHWM; the current working set where unavailable).</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return Environment.WorkingSet / (1024.0 * 1024.0);
    }
}

/// <summary>Garbage collections during a phase: how many of each generation, and the time paused per step.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcSnapshot Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static IReadOnlyDictionary<string, object> Difference(GcSnapshot before, GcSnapshot after, int steps) => new Dictionary<string, object>
    {
        ["gen0"] = after.Gen0 - before.Gen0,
        ["gen1"] = after.Gen1 - before.Gen1,
        ["gen2"] = after.Gen2 - before.Gen2,
        ["pause_ms_per_step"] = Math.Round((after.Paused - before.Paused).TotalMilliseconds / Math.Max(steps, 1), 3),
    };
}
