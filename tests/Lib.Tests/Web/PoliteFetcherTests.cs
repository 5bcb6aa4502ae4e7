using System.IO.Compression;
using System.Text;
using Lib.Display;
using Lib.Web;

namespace Lib.Tests.Web;

public class PoliteFetcherTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Millisecond-scale options: no spacing, tiny backoff, seeded jitter. The timeout is generous (a loaded
    /// machine's first request can be slow); tests of timeouts shorten it with <see cref="Short"/>.
    /// </summary>
    internal static FetcherOptions Fast => new()
    {
        MinInterval = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(2),
        BackoffBase = TimeSpan.FromMilliseconds(2),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromMilliseconds(30),
        MaxAttempts = 4,
        JitterSeed = 11,
        MaxPerHost = 4,
    };

    /// <summary>A 250 ms timeout, with attempts to spare should a slow machine time out a healthy request.</summary>
    internal static FetcherOptions Short => Fast with { RequestTimeout = TimeSpan.FromMilliseconds(250), MaxAttempts = 6 };

    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(4); // well past the short timeout

    private ResponseCache NewCache(string name = "cache") => new(Path.Combine(_dir.Path, name));

    [Fact]
    public async Task Fetches_a_page_with_our_user_agent_and_caches_it()
    {
        using var server = new FaultyServer(r => r.Path == "/robots.txt" ? Reply.NotFound() : Reply.Ok("<p>café</p>"));
        var cache = NewCache();
        using var fetcher = new PoliteFetcher(Fast, cache);
        var result = await fetcher.FetchAsync(server.Url("/a.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("<p>café</p>", result.Text);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Equal(1, result.Attempts);
        Assert.False(result.FromCache);
        Assert.Equal("sports-ml-lab/1.0 (+contact in README)", server.LastUserAgent);
        Assert.True(cache.Contains(server.Url("/a.html")));

        var again = await fetcher.FetchAsync(server.Url("/a.html"));
        Assert.True(again.FromCache);
        Assert.Equal(result.Body, again.Body);
        Assert.Equal(1, server.Hits("/a.html"));
        Assert.Equal(new FetcherStats(Fetched: 1, CacheHits: 1, NotFound: 0, Disallowed: 0, Failures: 0, Retries: 0, Requests: 2, Bytes: result.Body!.Length),
            fetcher.Stats); // two requests: robots.txt (a 404, whose body is not read) and the page
    }

    [Fact]
    public async Task A_page_slower_than_the_timeout_is_retried_and_succeeds()
    {
        using var server = new FaultyServer(r => r.Path switch
        {
            "/robots.txt" => Reply.NotFound(),
            _ => Reply.Ok("late") with { DelayHeaders = r.Hit == 1 ? Forever : TimeSpan.Zero },
        });
        using var fetcher = new PoliteFetcher(Short with { ObeyRobotsTxt = false });
        var result = await fetcher.FetchAsync(server.Url("/slow"));

        Assert.Equal("late", result.EnsureSuccess().Text);
        Assert.True(result.Attempts >= 2);
        Assert.Contains("attempt 1: timed out after 250 ms; retrying in", result.History[0]);
        Assert.True(fetcher.Stats.Retries >= 1);
    }

    [Fact]
    public async Task The_timeout_covers_a_body_that_stalls_after_the_headers()
    {
        var body = new string('x', 4000);
        using var server = new FaultyServer(r => Reply.Ok(body) with { StallBody = r.Hit == 1 ? Forever : TimeSpan.Zero });
        using var fetcher = new PoliteFetcher(Short with { ObeyRobotsTxt = false });
        var result = await fetcher.FetchAsync(server.Url("/stall"));

        Assert.Equal(body, result.EnsureSuccess().Text);
        Assert.Contains("timed out", result.History[0]);
    }

    [Fact]
    public async Task A_burst_of_server_errors_is_retried_with_backoff()
    {
        using var server = new FaultyServer(r => r.Hit switch
        {
            1 => Reply.Text(500),
            2 => Reply.Text(502),
            3 => Reply.Text(503),
            _ => Reply.Ok("finally"),
        });
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, MaxAttempts = 4 });
        var result = await fetcher.FetchAsync(server.Url("/flaky"));

        Assert.Equal("finally", result.EnsureSuccess().Text);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, server.Hits("/flaky"));
        Assert.Equal(3, result.History.Count);
        Assert.Contains("HTTP 500 Internal Server Error; retrying in", result.History[0]);
        Assert.Contains("(backoff)", result.History[0]);
        Assert.Contains("HTTP 503 Service Unavailable", result.History[2]);
        Assert.Equal(3, fetcher.Stats.Retries);
    }

    [Fact]
    public async Task When_retries_run_out_the_result_says_why_and_nothing_is_cached()
    {
        using var server = new FaultyServer(_ => Reply.Text(503));
        var cache = NewCache();
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, MaxAttempts = 3 }, cache);
        var result = await fetcher.FetchAsync(server.Url("/down"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal("gave up after 3 attempt(s); last: HTTP 503 Service Unavailable", result.Reason);
        Assert.Equal(3, server.Hits("/down"));
        Assert.Equal(3, result.History.Count);
        var e = Assert.Throws<FetchFailedException>(() => result.EnsureSuccess());
        Assert.Contains("/down", e.Message);
        Assert.Contains("gave up after 3 attempt(s)", e.Message);
        Assert.False(cache.Contains(server.Url("/down")));
        Assert.Equal(1, fetcher.Stats.Failures);
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_retried()
    {
        var body = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i},"));
        using var server = new FaultyServer(r => Reply.Ok(body) with { ResetMidBody = r.Hit <= 2 });
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false });
        var result = await fetcher.FetchAsync(server.Url("/reset"));

        Assert.Equal(body, result.EnsureSuccess().Text);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, server.Hits("/reset"));
    }

    [Fact]
    public async Task A_truncated_body_is_a_failure_that_is_retried_never_a_short_page()
    {
        var body = new string('t', 5000);
        using var server = new FaultyServer(r => Reply.Ok(body) with { TruncateBody = r.Hit == 1 });
        var cache = NewCache();
        using (var once = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, MaxAttempts = 1 }, cache))
        {
            var failed = await once.FetchAsync(server.Url("/short"));
            Assert.Equal(FetchStatus.Failed, failed.Status);
            Assert.Null(failed.Body);
            Assert.False(cache.Contains(server.Url("/short")));
        }
        server.ResetHits();
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false }, cache);
        var result = await fetcher.FetchAsync(server.Url("/short"));
        Assert.Equal(body, result.EnsureSuccess().Text);
        Assert.Equal(2, result.Attempts); // the first (truncated) answer again, then the whole one
        Assert.Equal(2, server.Hits("/short"));
        Assert.Equal(body.Length, cache.Entries().Single().Length);
    }

    [Fact]
    public async Task Too_many_requests_honours_retry_after_in_seconds_and_as_a_date_capped_by_the_maximum()
    {
        using var server = new FaultyServer(r => (r.Path, r.Hit) switch
        {
            ("/seconds", 1) => Reply.Text(429) with { Headers = [("Retry-After", "0")] },
            ("/seconds", 2) => Reply.Text(429) with { Headers = [("Retry-After", "7")] },
            ("/date", 1) => Reply.Text(503) with { Headers = [("Retry-After", DateTimeOffset.UtcNow.AddHours(1).ToString("r"))] },
            ("/none", 1) => Reply.Text(429),
            _ => Reply.Ok(r.Path),
        });
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false });

        var seconds = await fetcher.FetchAsync(server.Url("/seconds"));
        Assert.Equal("/seconds", seconds.EnsureSuccess().Text);
        Assert.Contains("HTTP 429 Too Many Requests; retrying in 0 ms (Retry-After 0 ms)", seconds.History[0]);
        Assert.Contains("retrying in 30 ms (Retry-After 7 s, capped at 30 ms)", seconds.History[1]);

        var date = await fetcher.FetchAsync(server.Url("/date"));
        Assert.Equal("/date", date.EnsureSuccess().Text);
        Assert.Matches(@"HTTP 503 Service Unavailable; retrying in 30 ms \(Retry-After 3\d{3}(\.\d+)? s, capped at 30 ms\)", date.History[0]);

        var none = await fetcher.FetchAsync(server.Url("/none"));
        Assert.Contains("(backoff)", none.History[0]);
    }

    [Fact]
    public async Task An_oversize_body_is_a_clear_error_and_is_not_retried()
    {
        var big = new string('b', 5000);
        using var server = new FaultyServer(r => Reply.Ok(big) with { Chunked = r.Path == "/chunked" });
        var cache = NewCache();
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, MaxResponseBytes = 4096 }, cache);

        var declared = await fetcher.FetchAsync(server.Url("/declared"));
        Assert.Equal(FetchStatus.Failed, declared.Status);
        Assert.True(declared.Attempts == 1, string.Join("\n", declared.History));
        Assert.Equal(1, server.Hits("/declared"));
        Assert.Equal("the response is too large: Content-Length 5000 bytes exceeds the limit of 4096 bytes", declared.Reason);

        var chunked = await fetcher.FetchAsync(server.Url("/chunked"));
        Assert.Equal(FetchStatus.Failed, chunked.Status);
        Assert.Equal("the response is too large: its body exceeds the limit of 4096 bytes", chunked.Reason);

        Assert.Equal(1, server.Hits("/declared"));
        Assert.Equal(1, server.Hits("/chunked"));
        Assert.Empty(cache.Entries());
    }

    [Fact]
    public async Task Robots_txt_is_read_once_and_a_disallowed_page_is_never_requested()
    {
        using var server = new FaultyServer(r => r.Path == "/robots.txt"
            ? Reply.Text(200, "User-agent: *\nDisallow: /private/\nAllow: /private/ok\n\nUser-agent: sports-ml-lab\nDisallow: /no-lab\n")
            : Reply.Ok(r.Path));
        using var fetcher = new PoliteFetcher(Fast);

        // The group naming our token replaces the * group entirely.
        var results = await fetcher.FetchAllAsync([server.Url("/no-lab/1"), server.Url("/private/x"), server.Url("/a"), server.Url("/b")]);
        Assert.Equal([FetchStatus.Disallowed, FetchStatus.Ok, FetchStatus.Ok, FetchStatus.Ok], results.Select(r => r.Status));
        Assert.Equal($"'Disallow: /no-lab' in {server.BaseUri.GetLeftPart(UriPartial.Authority)}/robots.txt", results[0].Reason);
        var e = Assert.Throws<FetchDisallowedException>(() => results[0].EnsureSuccess());
        Assert.Contains("robots.txt forbids fetching", e.Message);
        Assert.Contains("/no-lab/1", e.Message);

        Assert.Equal(0, server.Hits("/no-lab/1"));
        Assert.Equal(1, server.Hits("/robots.txt"));
        Assert.Equal(1, fetcher.Stats.Disallowed);
    }

    [Fact]
    public async Task Star_group_rules_apply_when_no_group_names_us()
    {
        using var server = new FaultyServer(r => r.Path == "/robots.txt"
            ? Reply.Text(200, "User-agent: *\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 0.01\n")
            : Reply.Ok(r.Path));
        using var fetcher = new PoliteFetcher(Fast);
        var results = await fetcher.FetchAllAsync([server.Url("/private/x"), server.Url("/private/ok"), server.Url("/public")]);

        Assert.Equal([FetchStatus.Disallowed, FetchStatus.Ok, FetchStatus.Ok], results.Select(r => r.Status));
        Assert.Equal(0, server.Hits("/private/x"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), fetcher.IntervalFor(server.Url("/x"))); // Crawl-delay raised the zero interval
    }

    [Fact]
    public async Task A_missing_robots_txt_allows_everything_but_an_unreachable_one_stops_the_host()
    {
        using var missing = new FaultyServer(r => r.Path == "/robots.txt" ? Reply.NotFound() : Reply.Ok("ok"));
        using var down = new FaultyServer(r => r.Path == "/robots.txt" ? Reply.Text(500) : Reply.Ok("ok"));
        using var fetcher = new PoliteFetcher(Fast with { MaxAttempts = 2 });

        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(missing.Url("/page"))).Status);
        var results = await fetcher.FetchAllAsync([down.Url("/page1"), down.Url("/page2")]);
        Assert.All(results, r => Assert.Equal(FetchStatus.Failed, r.Status));
        Assert.Contains("robots.txt could not be read, so no page of", results[0].Reason);
        Assert.Contains("HTTP 500", results[0].Reason);
        Assert.Equal(2, down.Hits("/robots.txt")); // two attempts, once for the host
        Assert.Equal(0, down.Hits("/page1") + down.Hits("/page2"));
    }

    [Fact]
    public async Task Not_found_is_definite_recorded_and_other_client_errors_are_not_retried()
    {
        using var server = new FaultyServer(r => r.Path switch
        {
            "/gone" => Reply.Text(410, "gone"),
            "/missing" => Reply.NotFound(),
            "/forbidden" => Reply.Text(403, "no"),
            _ => Reply.Ok("ok"),
        });
        var cache = NewCache();
        using (var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false }, cache))
        {
            var results = await fetcher.FetchAllAsync([server.Url("/missing"), server.Url("/gone"), server.Url("/forbidden")]);
            Assert.Equal([FetchStatus.NotFound, FetchStatus.NotFound, FetchStatus.Failed], results.Select(r => r.Status));
            Assert.Equal([404, 410, 403], results.Select(r => r.HttpStatus!.Value));
            Assert.Equal("HTTP 403 Forbidden", results[2].Reason);
            Assert.Equal(1, server.Hits("/forbidden"));
            Assert.Throws<FetchFailedException>(() => results[0].EnsureSuccess());
        }

        using var rerun = new PoliteFetcher(Fast with { ObeyRobotsTxt = false }, cache);
        var missing = await rerun.FetchAsync(server.Url("/missing"));
        Assert.Equal(FetchStatus.NotFound, missing.Status);
        Assert.True(missing.FromCache);
        Assert.Equal(1, server.Hits("/missing"));

        using var noNegative = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, CacheNotFound = false }, NewCache("other"));
        Assert.Equal(FetchStatus.NotFound, (await noNegative.FetchAsync(server.Url("/missing"))).Status);
        Assert.Empty(noNegative.Cache!.Entries());
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_refetched_and_refresh_always_fetches()
    {
        using var server = new FaultyServer(r => Reply.Ok($"version {r.Hit}"));
        var cache = NewCache();
        var page = server.Url("/p");
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false }, cache);
        Assert.Equal("version 1", (await fetcher.FetchAsync(page)).Text);

        File.WriteAllText(cache.BodyPath(page), "version X"); // same length, wrong checksum
        var repaired = await fetcher.FetchAsync(page);
        Assert.False(repaired.FromCache);
        Assert.Equal("version 2", repaired.Text);

        Assert.Equal("version 2", (await fetcher.FetchAsync(page)).Text);
        Assert.Equal("version 3", (await fetcher.FetchAsync(page, refresh: true)).Text);
        Assert.Equal("version 3", (await fetcher.FetchAsync(page)).Text);
        Assert.Equal(3, server.Hits("/p"));
    }

    [Fact]
    public async Task Compressed_responses_are_decoded()
    {
        var text = string.Concat(Enumerable.Repeat("compress me ", 500));
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(Encoding.UTF8.GetBytes(text));
        using var server = new FaultyServer(r => new Reply(200, gz.ToArray()) { Headers = [("Content-Encoding", "gzip")] });
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false });
        var result = await fetcher.FetchAsync(server.Url("/gz"));
        Assert.Equal(text, result.EnsureSuccess().Text);
        Assert.Contains("gzip", server.LastHeaders!["accept-encoding"]);
    }

    [Fact]
    public async Task The_per_host_cap_limits_requests_in_flight()
    {
        using var server = new FaultyServer(r => Reply.Ok(r.Path) with { DelayHeaders = TimeSpan.FromMilliseconds(20) });
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, MaxPerHost = 2, MaxConcurrency = 8 });
        var urls = Enumerable.Range(0, 12).Select(i => server.Url($"/c{i}")).ToList();
        var results = await fetcher.FetchAllAsync(urls);
        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.InRange(server.MaxConcurrent, 1, 2);
    }

    [Fact]
    public async Task A_batch_keeps_input_order_fetches_repeats_once_and_reports_progress()
    {
        using var server = new FaultyServer(r => Reply.Ok($"body of {r.Path}"));
        using var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false });
        var progress = new RecordingProgress();
        var urls = new[] { "/3", "/1", "/2", "/1", "/3#again" }.Select(server.Url).ToList();
        var results = await fetcher.FetchAllAsync(urls, progress);

        Assert.Equal(["body of /3", "body of /1", "body of /2", "body of /1", "body of /3"], results.Select(r => r.Text));
        Assert.Equal(urls, results.Select(r => r.Url));
        Assert.All(new[] { "/1", "/2", "/3" }, p => Assert.Equal(1, server.Hits(p)));
        Assert.Equal(3L, progress.Total);
        Assert.Equal(3L, progress.Done);
        Assert.True(progress.Completed);
        Assert.Contains("3 fetched, 0 cached, 0 not found, 0 failed, 0 retries", progress.LastStatus);

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => fetcher.FetchAllAsync([server.Url("/ok"), new Uri("/relative", UriKind.Relative)]));
        Assert.Contains("Address 1 of the batch", bad.Message);
    }

    [Fact]
    public async Task Disposing_the_fetcher_stops_work_in_flight()
    {
        using var server = new FaultyServer(r => Reply.Ok("never") with { DelayHeaders = Forever });
        var fetcher = new PoliteFetcher(Fast with { ObeyRobotsTxt = false, RequestTimeout = TimeSpan.FromSeconds(30) });
        var pending = fetcher.FetchAsync(server.Url("/hang"));
        while (server.Hits("/hang") == 0) await Task.Delay(5);
        await fetcher.DisposeAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => fetcher.FetchAsync(server.Url("/after")));
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        Assert.Contains("MaxPerHost", Assert.Throws<ArgumentOutOfRangeException>(() => new PoliteFetcher(Fast with { MaxPerHost = 0 })).Message);
        Assert.Contains("RequestTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PoliteFetcher(Fast with { RequestTimeout = TimeSpan.Zero })).Message);
        Assert.Contains("UserAgent", Assert.Throws<ArgumentException>(() => new PoliteFetcher(Fast with { UserAgent = " " })).Message);
        Assert.Equal("sports-ml-lab", new FetcherOptions().ProductToken);
    }
}

/// <summary>An <see cref="IProgressReporter"/> that remembers what it was told.</summary>
internal sealed class RecordingProgress : IProgressReporter, IProgressTask
{
    private long _done;
    public long? Total { get; private set; }
    public long Done => Interlocked.Read(ref _done);
    public string? LastStatus { get; private set; }
    public bool Completed { get; private set; }
    public Action<long>? OnAdvance { get; init; }

    public IProgressTask Start(string description, long? total = null, string unit = "items")
    {
        Total = total;
        return this;
    }

    public void Advance(long amount = 1)
    {
        var done = Interlocked.Add(ref _done, amount);
        OnAdvance?.Invoke(done);
    }
    public void SetStatus(string status) => LastStatus = status;
    public void SetTotal(long total) => Total = total;
    public void Complete() => Completed = true;
    public void Dispose() => Complete();
}
