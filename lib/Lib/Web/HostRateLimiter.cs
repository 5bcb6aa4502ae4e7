namespace Lib.Web;

/// <summary>
/// Spaces the starts of requests to one host at least <see cref="Interval"/> apart. Callers
/// reserve a start time and wait until it; time is any monotonic clock the caller passes in.
/// Thread-safe.
/// </summary>
public sealed class HostRateLimiter(TimeSpan interval)
{
    private readonly Lock _gate = new();
    private TimeSpan? _last;
    private TimeSpan _next = TimeSpan.MinValue;

    /// <summary>The least time between two starts.</summary>
    public TimeSpan Interval
    {
        get
        {
            lock (_gate)
                return interval;
        }
    }

    /// <summary>Reserves the earliest free start at or after <paramref name="now"/>; returns how long to wait for
    /// it.</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        lock (_gate)
        {
            var start = now > _next ? now : _next;
            _last = start;
            _next = start + interval;
            return start - now;
        }
    }

    /// <summary>Raises the interval to at least <paramref name="atLeast"/> (a robots.txt Crawl-delay), from the last
    /// start on.</summary>
    public void RaiseInterval(TimeSpan atLeast)
    {
        lock (_gate)
        {
            if (atLeast <= interval)
                return;
            interval = atLeast;
            if (_last is { } last && last + interval > _next)
                _next = last + interval;
        }
    }

    /// <summary>Lets no request start before <paramref name="until"/> (a server's Retry-After).</summary>
    public void Defer(TimeSpan until)
    {
        lock (_gate)
        {
            if (until > _next)
                _next = until;
        }
    }
}
