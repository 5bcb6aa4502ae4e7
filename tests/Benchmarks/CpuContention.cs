using System.Diagnostics;
using System.Globalization;

namespace Benchmarks;

/// <summary>
/// CPU use during a measurement: this process's cores and everyone else's (from <c>/proc/stat</c>), as the PyTorch
/// benchmarks' <c>benchlib.contention</c> reports it. On a shared 2-core box a busy neighbour halves a 2-thread result.
/// </summary>
internal readonly record struct CpuContention(double OwnCores, double OtherCores)
{
    /// <summary>A reading to measure from: wall time, machine-wide busy CPU seconds, this process's CPU seconds.</summary>
    public readonly record struct Snapshot(long Timestamp, double Busy, double Own);

    public static Snapshot Take()
    {
        double busy = 0;
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ... in USER_HZ (100 per second on Linux).
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            busy = (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }
        return new(Stopwatch.GetTimestamp(), busy, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    public static CpuContention Between(Snapshot before, Snapshot after)
    {
        double wall = Math.Max(Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds, 1e-9);
        double own = (after.Own - before.Own) / wall;
        double total = (after.Busy - before.Busy) / wall;
        return new(Math.Round(own, 2), Math.Round(Math.Max(total - own, 0), 2));
    }
}
