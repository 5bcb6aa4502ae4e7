namespace Lib.Web;

/// <summary>What a fetcher keeps per origin: its request slots, its rate limiter and its robots.txt (fetched
/// once).</summary>
internal sealed class HostState(string origin, FetcherOptions options)
{
    private readonly Lock _gate = new();
    private Task<RobotsVerdict>? _robots;

    public string Origin { get; } = origin;
    public SemaphoreSlim Slots { get; } = new(options.MaxPerHost, options.MaxPerHost);
    public HostRateLimiter Limiter { get; } = new(options.MinInterval);

    /// <summary>The origin's robots.txt, started by the first caller and shared by the rest.</summary>
    public Task<RobotsVerdict> Robots(Func<Task<RobotsVerdict>> load)
    {
        lock (_gate)
            return _robots ??= Task.Run(load);
    }
}

/// <summary>An origin's robots.txt, or why it could not be read (then no page of the origin is fetched).</summary>
internal sealed record RobotsVerdict(RobotsTxt Rules, string? Failure = null);
