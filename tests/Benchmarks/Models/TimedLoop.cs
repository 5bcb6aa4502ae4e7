using System.Diagnostics;

namespace Benchmarks.Models;

/// <summary>The PyTorch scripts' timing rule: warm-up steps, then at least N steps and T seconds, stopping at a cap.</summary>
internal sealed record TimingRule(int Warmup = 5, int MinSteps = 30, double MinSeconds = 10, double MaxSeconds = 30);

/// <summary>What one timed phase measured.</summary>
internal sealed record PhaseResult(int Steps, double Seconds, double MedianMs, double P10Ms, double P90Ms, double AllocatedBytesPerStep)
{
    public double StepsPerSecond => Steps / Seconds;
}

internal static class TimedLoop
{
    public static PhaseResult Run(Action<int> step, TimingRule rule)
    {
        for (int i = 0; i < rule.Warmup; i++) step(i);
        var durations = new List<double>();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
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
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        durations.Sort();
        return new PhaseResult(durations.Count, seconds, Percentile(durations, 0.5), Percentile(durations, 0.1), Percentile(durations, 0.9),
            (double)allocated / durations.Count);
    }

    private static double Percentile(List<double> sorted, double q) => sorted[(int)Math.Clamp(Math.Round(q * (sorted.Count - 1)), 0, sorted.Count - 1)];

    /// <summary>Peak resident set size of this process in MiB (Linux VmHWM; 0 where unavailable).</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return Environment.WorkingSet / (1024.0 * 1024.0);
    }
}
