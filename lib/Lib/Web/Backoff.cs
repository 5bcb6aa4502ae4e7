namespace Lib.Web;

/// <summary>
/// Exponential backoff with jitter: retry k waits a random time between half and all of
/// <c>base · 2^(k-1)</c>, capped at <c>max</c> ("equal jitter"), so clients that failed together
/// do not retry together. Thread-safe; a seeded <see cref="Random"/> makes the waits repeat.
/// </summary>
public sealed class Backoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    private readonly Lock _gate = new();

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan Delay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var nominal = baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 62));
        var capped = Math.Min(nominal, maxDelay.Ticks);
        double u;
        lock (_gate)
            u = random.NextDouble();
        return TimeSpan.FromTicks((long)(capped * (0.5 + 0.5 * u)));
    }
}
