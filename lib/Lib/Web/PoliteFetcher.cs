using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Lib.Display;

namespace Lib.Web;

/// <summary>
/// Fetches web pages the way a considerate crawler should: an identifying User-Agent, robots.txt
/// obeyed (fetched once per origin), request starts spaced per host, a few requests per host at a
/// time, a hard timeout per attempt (headers and body), retries with exponential backoff and jitter
/// on transient failures (timeouts, I/O errors, truncated bodies, 5xx, 429 with Retry-After), and a
/// size limit. With a <see cref="ResponseCache"/>, a page fetched once is never fetched again
/// (unless refreshed), so an interrupted run resumes where it stopped and a re-run needs no network.
/// </summary>
public sealed class PoliteFetcher : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<string, HostState> _hosts = new();
    private readonly Backoff _backoff;
    private readonly long _clockStart = Stopwatch.GetTimestamp();
    private long _fetched,
        _cacheHits,
        _notFound,
        _disallowed,
        _failures,
        _retries,
        _requests,
        _bytes;
    private int _disposed;

    /// <summary>A fetcher with <paramref name="options"/> (defaults when null), caching in <paramref name="cache"/>
    /// when given.</summary>
    public PoliteFetcher(FetcherOptions? options = null, ResponseCache? cache = null)
    {
        Options = options ?? new FetcherOptions();
        Options.Validate();
        Cache = cache;
        _backoff = new Backoff(
            Options.BackoffBase,
            Options.MaxBackoff,
            Options.JitterSeed is { } seed ? new Random(seed) : new Random()
        );
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            MaxConnectionsPerServer = Options.MaxPerHost,
            ConnectTimeout = Options.RequestTimeout,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // our own timeout covers the body too
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Options.UserAgent);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /// <summary>The options in force.</summary>
    public FetcherOptions Options { get; }

    /// <summary>The cache consulted before the network and filled after it; null for none.</summary>
    public ResponseCache? Cache { get; }

    /// <summary>The counters so far.</summary>
    public FetcherStats Stats =>
        new(
            Read(ref _fetched),
            Read(ref _cacheHits),
            Read(ref _notFound),
            Read(ref _disallowed),
            Read(ref _failures),
            Read(ref _retries),
            Read(ref _requests),
            Read(ref _bytes)
        );

    /// <summary>The spacing between request starts in force for <paramref name="url"/>'s host:
    /// <see cref="FetcherOptions.MinInterval"/>, or robots.txt's Crawl-delay once read if longer.</summary>
    public TimeSpan IntervalFor(Uri url) =>
        _hosts.TryGetValue(UrlKey.Origin(url), out var host) ? host.Limiter.Interval : Options.MinInterval;

    /// <summary>
    /// Fetches one page: from the cache when it holds a valid entry (unless <paramref name="refresh"/>),
    /// else from the network, storing a success (and a 404/410 when <see cref="FetcherOptions.CacheNotFound"/>).
    /// Never throws for a failed page (see <see cref="FetchResult.Status"/> and
    /// <see cref="FetchResult.EnsureSuccess"/>);
    /// throws <see cref="OperationCanceledException"/> when cancelled or when the fetcher is disposed meanwhile.
    /// </summary>
    public async Task<FetchResult> FetchAsync(
        Uri url,
        bool refresh = false,
        CancellationToken cancellationToken = default
    )
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        UrlKey.Normalize(url); // an absolute http(s) address, or ArgumentException
        if (!refresh && Cache is not null && Cache.TryGet(url, out var entry, out var cached))
        {
            Interlocked.Increment(ref _cacheHits);
            var hit = new FetchResult
            {
                Url = url,
                Status = entry.IsNotFound ? FetchStatus.NotFound : FetchStatus.Ok,
                HttpStatus = entry.Status,
                Body = entry.IsNotFound ? null : cached,
                ContentType = entry.ContentType,
                FromCache = true,
                Reason = entry.IsNotFound
                    ? $"HTTP {entry.Status}, recorded in the cache at {entry.FetchedAtUtc:u}"
                    : null,
            };
            Log($"cached     {url} ({entry.Status}, {entry.Length} bytes)");
            return hit;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var token = linked.Token;
        var host = _hosts.GetOrAdd(UrlKey.Origin(url), origin => new HostState(origin, Options));
        if (Options.ObeyRobotsTxt && url.AbsolutePath != "/robots.txt")
        {
            var robots = await host.Robots(() => LoadRobotsAsync(host)).WaitAsync(token).ConfigureAwait(false);
            if (robots.Failure is not null)
                return Finish(
                    new FetchResult
                    {
                        Url = url,
                        Status = FetchStatus.Failed,
                        Reason = robots.Failure,
                    }
                );
            if (!robots.Rules.IsAllowed(url))
            {
                var rule = robots.Rules.DecidingRule(url.PathAndQuery);
                return Finish(
                    new FetchResult
                    {
                        Url = url,
                        Status = FetchStatus.Disallowed,
                        Reason = $"'{rule}' in {host.Origin}/robots.txt",
                    }
                );
            }
        }

        var outcome = await SendWithRetriesAsync(host, url, token).ConfigureAwait(false);
        var result = new FetchResult
        {
            Url = url,
            Status = outcome.Kind switch
            {
                AttemptKind.Ok => FetchStatus.Ok,
                AttemptKind.NotFound => FetchStatus.NotFound,
                _ => FetchStatus.Failed,
            },
            HttpStatus = outcome.Status,
            Body = outcome.Body,
            ContentType = outcome.ContentType,
            Attempts = outcome.Attempts,
            History = outcome.History,
            Reason = outcome.Kind == AttemptKind.Ok ? null : outcome.Error,
        };
        if (Cache is not null && result.Status == FetchStatus.Ok)
            Cache.Put(url, outcome.Status!.Value, outcome.ContentType, outcome.Body);
        if (Cache is not null && result.Status == FetchStatus.NotFound && Options.CacheNotFound)
            Cache.PutNotFound(url, outcome.Status!.Value);
        return Finish(result);
    }

    /// <summary>Fetches <paramref name="urls"/> (see
    /// <see cref="FetchAllAsync(IEnumerable{Uri}, bool, IProgressReporter?, CancellationToken)"/>), using the
    /// cache.</summary>
    public Task<IReadOnlyList<FetchResult>> FetchAllAsync(
        IEnumerable<Uri> urls,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    ) => FetchAllAsync(urls, refresh: false, progress, cancellationToken);

    /// <summary>
    /// Fetches every page of <paramref name="urls"/>, up to <see cref="FetcherOptions.MaxConcurrency"/> at a time
    /// within the per-host limits, and returns one result per input, in input order (a repeated address is
    /// fetched once and its result repeated). Progress counts pages; the status shows the counters.
    /// Cancelling stops the run with <see cref="OperationCanceledException"/>; pages already stored stay in the cache.
    /// </summary>
    public async Task<IReadOnlyList<FetchResult>> FetchAllAsync(
        IEnumerable<Uri> urls,
        bool refresh,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(urls);
        var list = urls.ToList();
        var firstOf = new int[list.Count];
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < list.Count; i++)
        {
            string key;
            try
            {
                key = UrlKey.Normalize(list[i] ?? throw new ArgumentException("The address is null."));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Address {i} of the batch: {e.Message}", nameof(urls), e);
            }
            firstOf[i] = seen.TryAdd(key, i) ? i : seen[key];
        }

        var results = new FetchResult[list.Count];
        var before = Stats;
        using var task = progress?.Start("Fetching pages", seen.Count, "pages");
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Options.MaxConcurrency,
            CancellationToken = cancellationToken,
        };
        await Parallel
            .ForEachAsync(seen.Values, parallel, async (i, ct) =>
            {
                results[i] = await FetchAsync(list[i], refresh, ct).ConfigureAwait(false);
                task?.SetStatus(BatchStatus(before));
                task?.Advance();
            })
            .ConfigureAwait(false);
        task?.SetStatus(BatchStatus(before));
        task?.Complete();
        for (var i = 0; i < list.Count; i++)
            results[i] ??= results[firstOf[i]].For(list[i]);
        return results;
    }

    /// <summary>Stops in-flight work (it ends with <see cref="OperationCanceledException"/>) and releases the
    /// connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _lifetime.Cancel(); // not disposed: in-flight fetches may still link to its token
        _http.Dispose();
    }

    /// <inheritdoc cref="Dispose" />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<RobotsVerdict> LoadRobotsAsync(HostState host)
    {
        var url = new Uri(host.Origin + "/robots.txt");
        var outcome = await SendWithRetriesAsync(host, url, _lifetime.Token).ConfigureAwait(false);
        RobotsVerdict verdict;
        if (outcome.Kind == AttemptKind.Ok)
        {
            var robots = RobotsTxt.Parse(FetchResult.Decode(outcome.Body!, outcome.ContentType), Options.ProductToken);
            if (robots.CrawlDelay is { } delay)
                host.Limiter.RaiseInterval(delay);
            verdict = new RobotsVerdict(robots);
            Log(
                $"robots.txt {url}: {robots.Rules.Count} rule(s) for '{Options.ProductToken}'"
                    + (
                        robots.CrawlDelay is { } d
                            ? string.Create(CultureInfo.InvariantCulture, $", Crawl-delay {d.TotalSeconds} s")
                            : ""
                    )
            );
        }
        else if (outcome.Kind is AttemptKind.NotFound or AttemptKind.Permanent && outcome.Status is >= 300 and < 500)
        {
            // RFC 9309 §2.3.1.3: an unavailable robots.txt (4xx, or redirects that do not end) allows everything.
            verdict = new RobotsVerdict(RobotsTxt.AllowAll);
            Log($"robots.txt {url}: HTTP {outcome.Status}, everything allowed");
        }
        else
        {
            // RFC 9309 §2.3.1.4: an unreachable robots.txt (5xx, 429, network errors) means nothing may be fetched.
            verdict = new RobotsVerdict(
                RobotsTxt.AllowAll,
                $"{url} could not be read, so no page of {host.Origin} is fetched ({outcome.Error})"
            );
            Log($"robots.txt {url}: {verdict.Failure}");
        }
        return verdict;
    }

    private async Task<AttemptOutcome> SendWithRetriesAsync(HostState host, Uri url, CancellationToken token)
    {
        var history = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(host, url, token).ConfigureAwait(false);
            if (outcome.Kind != AttemptKind.Transient || attempt == Options.MaxAttempts)
            {
                if (outcome.Kind == AttemptKind.Transient)
                {
                    history.Add($"attempt {attempt}: {outcome.Error}");
                    outcome = outcome with { Error = $"gave up after {attempt} attempt(s); last: {outcome.Error}" };
                }
                return outcome with { Attempts = attempt, History = history };
            }

            TimeSpan wait;
            string why;
            if (outcome.RetryAfter is { } asked)
            {
                wait = asked > Options.MaxRetryAfter ? Options.MaxRetryAfter : asked;
                why = $"Retry-After {Describe(asked)}{(asked > wait ? $", capped at {Describe(wait)}" : "")}";
                host.Limiter.Defer(Now + wait); // the whole host waits, not just this page
            }
            else
            {
                wait = _backoff.Delay(attempt);
                why = "backoff";
            }
            history.Add($"attempt {attempt}: {outcome.Error}; retrying in {Describe(wait)} ({why})");
            Interlocked.Increment(ref _retries);
            await Task.Delay(wait, token).ConfigureAwait(false);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(HostState host, Uri url, CancellationToken token)
    {
        await host.Slots.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var wait = host.Limiter.Reserve(Now);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, token).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
            attempt.CancelAfter(Options.RequestTimeout);
            try
            {
                return await SendAsync(url, attempt.Token).ConfigureAwait(false);
            }
            catch (Exception e)
                when (e is OperationCanceledException or HttpRequestException or IOException or InvalidDataException)
            {
                token.ThrowIfCancellationRequested(); // the caller's cancellation (or disposal) is not a failed attempt
                if (attempt.IsCancellationRequested)
                    return new AttemptOutcome(
                        AttemptKind.Transient,
                        Error: $"timed out after {Describe(Options.RequestTimeout)}"
                    );
                return new AttemptOutcome(AttemptKind.Transient, Error: Describe(e));
            }
        }
        finally
        {
            host.Slots.Release();
        }
    }

    private async Task<AttemptOutcome> SendAsync(Uri url, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _http
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token)
            .ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var statusText = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (status is 429 or >= 500)
            return new AttemptOutcome(AttemptKind.Transient, status, statusText)
            {
                RetryAfter = RetryAfter.From(response.Headers.RetryAfter, DateTimeOffset.UtcNow),
            };
        if (status is 404 or 410)
            return new AttemptOutcome(AttemptKind.NotFound, status, statusText);
        if (status is < 200 or > 299)
            return new AttemptOutcome(AttemptKind.Permanent, status, statusText);

        var declared = response.Content.Headers.ContentLength;
        var limit = Options.MaxResponseBytes;
        if (declared > limit)
            return new AttemptOutcome(
                AttemptKind.Permanent,
                status,
                $"the response is too large: Content-Length {declared} bytes exceeds the limit of {limit} bytes"
            );
        var body = await ReadBodyAsync(response, limit, token).ConfigureAwait(false);
        if (body is null)
            return new AttemptOutcome(
                AttemptKind.Permanent,
                status,
                $"the response is too large: its body exceeds the limit of {limit} bytes"
            );
        if (declared is { } expected && body.Length != expected)
            return new AttemptOutcome(
                AttemptKind.Transient,
                status,
                $"truncated body: {body.Length} of {expected} bytes arrived"
            );
        Interlocked.Add(ref _bytes, body.Length);
        return new AttemptOutcome(AttemptKind.Ok, status)
        {
            Body = body,
            ContentType = response.Content.Headers.ContentType?.ToString(),
        };
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, long limit, CancellationToken token)
    {
        var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var declared = response.Content.Headers.ContentLength;
            using var body = new MemoryStream(
                declared is { } d and > 0 ? (int)Math.Min(d, Math.Min(limit, 16 << 20)) : 16 * 1024
            );
            var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit)
                        return null;
                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            return body.ToArray();
        }
    }

    private FetchResult Finish(FetchResult result)
    {
        switch (result.Status)
        {
            case FetchStatus.Ok:
                Interlocked.Increment(ref _fetched);
                break;
            case FetchStatus.NotFound:
                Interlocked.Increment(ref _notFound);
                break;
            case FetchStatus.Disallowed:
                Interlocked.Increment(ref _disallowed);
                break;
            default:
                Interlocked.Increment(ref _failures);
                break;
        }
        var retried =
            result.Attempts > 1
                ? $", {result.Attempts - 1} retr{(result.Attempts == 2 ? "y" : "ies")}: "
                    + $"{string.Join("; ", result.History)}"
                : "";
        Log(
            result.Status switch
            {
                FetchStatus.Ok =>
                    $"fetched    {result.Url} ({result.HttpStatus}, {result.Body!.Length} bytes{retried})",
                FetchStatus.NotFound => $"not found  {result.Url} ({result.HttpStatus}{retried})",
                FetchStatus.Disallowed => $"disallowed {result.Url}: {result.Reason}",
                _ => $"failed     {result.Url}: "
                    + $"{result.Reason}{(result.History.Count > 0 ? $" [{string.Join("; ", result.History)}]" : "")}",
            }
        );
        return result;
    }

    private string BatchStatus(FetcherStats before)
    {
        var now = Stats;
        return $"{now.Fetched - before.Fetched} fetched, {now.CacheHits - before.CacheHits} cached, "
            + $"{now.NotFound - before.NotFound} not found, "
            + $"{now.Failures + now.Disallowed - before.Failures - before.Disallowed} failed, "
            + $"{now.Retries - before.Retries} retries";
    }

    private void Log(string line) => Options.Log?.Invoke(line);

    private TimeSpan Now => Stopwatch.GetElapsedTime(_clockStart);

    private static long Read(ref long counter) => Interlocked.Read(ref counter);

    private static string Describe(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
            : $"{t.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms";

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
            if (messages.Count == 0 || !messages[^1].Contains(x.Message, StringComparison.Ordinal))
                messages.Add(x.Message);
        return $"{e.GetType().Name}: {string.Join(" → ", messages)}";
    }
}
