namespace Lib.Web;

/// <summary>
/// How <see cref="PoliteFetcher"/> behaves. The defaults suit a real site (one request start per
/// second per host, two at a time, 5 s per request); tests shrink the times to milliseconds.
/// </summary>
public sealed record FetcherOptions
{
    /// <summary>The User-Agent sent with every request. Its product token (up to the first <c>/</c>) picks our
    /// robots.txt group.</summary>
    public string UserAgent { get; init; } = "sports-ml-lab/1.0 (+contact in README)";

    /// <summary>The least time between the starts of two requests to one host (retries included). A robots.txt
    /// <c>Crawl-delay</c> can only raise it.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many requests may be in flight to one host at once.</summary>
    public int MaxPerHost { get; init; } = 2;

    /// <summary>How many pages
    /// <see cref="PoliteFetcher.FetchAllAsync(IEnumerable{Uri}, Lib.Display.IProgressReporter?, CancellationToken)"/>
    /// works on at once, over all hosts.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>The limit on one attempt, from sending the request to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per page, the first included; transient failures are retried until this many have
    /// failed.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry's nominal wait; each further retry doubles it (with jitter) up to
    /// <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts that backoff chooses.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more gets this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest body accepted (after content decoding); a larger one is a failure, never a truncated
    /// page.</summary>
    public long MaxResponseBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Whether robots.txt is fetched (once per host) and obeyed.</summary>
    public bool ObeyRobotsTxt { get; init; } = true;

    /// <summary>Whether 404 and 410 answers are recorded in the cache as negative entries, so a re-run does not ask
    /// again.</summary>
    public bool CacheNotFound { get; init; } = true;

    /// <summary>Seeds the backoff jitter; null for an unseeded generator.</summary>
    public int? JitterSeed { get; init; }

    /// <summary>Receives one line per page (what happened and why) and per robots.txt; null for none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The User-Agent's product token, such as <c>sports-ml-lab</c>.</summary>
    public string ProductToken => UserAgent.Split('/', ' ')[0];

    /// <summary>Throws with the option's name when a value cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
            throw new ArgumentException(
                "FetcherOptions.UserAgent must name the crawler, such as 'sports-ml-lab/1.0 (+contact)'."
            );
        NotNegative(MinInterval, nameof(MinInterval));
        NotNegative(BackoffBase, nameof(BackoffBase));
        NotNegative(MaxBackoff, nameof(MaxBackoff));
        NotNegative(MaxRetryAfter, nameof(MaxRetryAfter));
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(
                nameof(RequestTimeout),
                RequestTimeout,
                "FetcherOptions.RequestTimeout must be positive."
            );
        AtLeastOne(MaxPerHost, nameof(MaxPerHost));
        AtLeastOne(MaxConcurrency, nameof(MaxConcurrency));
        AtLeastOne(MaxAttempts, nameof(MaxAttempts));
        if (MaxResponseBytes < 1 || MaxResponseBytes > Array.MaxLength)
            throw new ArgumentOutOfRangeException(
                nameof(MaxResponseBytes),
                MaxResponseBytes,
                $"FetcherOptions.MaxResponseBytes must be from 1 to {Array.MaxLength} (a body is held in memory)."
            );
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"FetcherOptions.{name} must not be negative.");
    }

    private static void AtLeastOne(int value, string name)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(
                name,
                value,
                $"FetcherOptions.{name} must be at least 1, got {value}."
            );
    }
}
