using System.Collections.Concurrent;
using Lib.Web;

namespace Lib.Tests.Web;

/// <summary>
/// End to end against a misbehaving server: 50 pages, each failing its first requests in random
/// (seeded) ways; a run killed part-way; a resumed run; a third run that needs no network at all.
/// </summary>
public class FetchUnderFaultsTests : IDisposable
{
    private const int Pages = 50;
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, Fault[]> _plan;
    private readonly ConcurrentDictionary<Fault, int> _served = new();

    private enum Fault { Slow, StalledBody, Error500, Error503, Reset, Truncated, TooManyRequests }

    public FetchUnderFaultsTests()
    {
        var random = new Random(2024);
        var kinds = Enum.GetValues<Fault>();
        // Up to two faults per page, for its first requests; the request after them succeeds.
        _plan = Enumerable.Range(0, Pages).ToDictionary(PathOf, _ => Enumerable.Range(0, random.Next(0, 3)).Select(_ => kinds[random.Next(kinds.Length)]).ToArray());
    }

    public void Dispose() => _dir.Dispose();

    private static string PathOf(int i) => $"/athletes/{i}.html";

    private static string BodyOf(int i) => $"<html><body><h1>Athlete {i}</h1>{new string((char)('a' + i % 26), 200 + 97 * i)}</body></html>";

    private static FetcherOptions Options => PoliteFetcherTests.Fast with
    {
        RequestTimeout = TimeSpan.FromMilliseconds(250),
        MaxAttempts = 8, // two planned faults, with room for healthy requests timing out on a loaded machine
        MaxPerHost = 8,
        MaxConcurrency = 8,
    };

    private Reply Serve(ServedRequest r)
    {
        if (r.Path == "/robots.txt") return Reply.Text(200, "User-agent: *\nDisallow: /admin/\n");
        var i = int.Parse(r.Path["/athletes/".Length..^".html".Length]);
        var ok = Reply.Ok(BodyOf(i));
        var faults = _plan[r.Path];
        if (r.Hit > faults.Length) return ok;
        var fault = faults[r.Hit - 1];
        _served.AddOrUpdate(fault, 1, (_, n) => n + 1);
        return fault switch
        {
            Fault.Slow => ok with { DelayHeaders = TimeSpan.FromSeconds(3) },
            Fault.StalledBody => ok with { StallBody = TimeSpan.FromSeconds(3) },
            Fault.Error500 => Reply.Text(500),
            Fault.Error503 => Reply.Text(503) with { Headers = [("Retry-After", "1")] },
            Fault.Reset => ok with { ResetMidBody = true },
            Fault.Truncated => ok with { TruncateBody = true },
            _ => Reply.Text(429) with { Headers = [("Retry-After", DateTimeOffset.UtcNow.AddSeconds(2).ToString("r"))] },
        };
    }

    private List<Uri> Urls(FaultyServer server) => Enumerable.Range(0, Pages).Select(i => server.Url(PathOf(i))).ToList();

    private static void AssertEveryPageIsRight(IReadOnlyList<FetchResult> results)
    {
        Assert.Equal(Pages, results.Count);
        for (var i = 0; i < Pages; i++)
        {
            Assert.True(results[i].IsSuccess, $"{results[i]} [{string.Join("; ", results[i].History)}]");
            Assert.Equal(BodyOf(i), results[i].Text);
        }
    }

    private void AssertTheCacheHoldsEachPageOnce(ResponseCache cache, FaultyServer server)
    {
        var entries = cache.Entries().ToList();
        Assert.Equal(Pages, entries.Count);
        Assert.Equal(Urls(server).Select(UrlKey.Normalize).Order(), entries.Select(e => e.Url).Order());
        Assert.Equal(Pages, Directory.EnumerateFiles(cache.Root, "*.body", SearchOption.AllDirectories).Count());
        Assert.Empty(Directory.EnumerateFiles(cache.Root, "*.tmp", SearchOption.AllDirectories));
        for (var i = 0; i < Pages; i++)
        {
            Assert.True(cache.TryGet(server.Url(PathOf(i)), out _, out var body));
            Assert.Equal(BodyOf(i), System.Text.Encoding.UTF8.GetString(body));
        }
    }

    [Fact]
    public async Task Every_page_arrives_whole_despite_random_faults()
    {
        using var server = new FaultyServer(Serve);
        var cache = new ResponseCache(Path.Combine(_dir.Path, "cache"));
        var lines = new ConcurrentQueue<string>();
        using var fetcher = new PoliteFetcher(Options with { Log = lines.Enqueue }, cache);

        var results = await fetcher.FetchAllAsync(Urls(server), new RecordingProgress());

        AssertEveryPageIsRight(results);
        AssertTheCacheHoldsEachPageOnce(cache, server);
        Assert.Equal(Enum.GetValues<Fault>().Length, _served.Count); // every kind of fault was served
        var planned = _plan.Values.Sum(f => f.Length);
        Assert.InRange(fetcher.Stats.Retries, planned, planned + Pages);  // each fault cost one retry (a slow machine may add some)
        Assert.Equal(Pages, fetcher.Stats.Fetched);
        Assert.Equal(0, fetcher.Stats.Failures);
        Assert.Equal(Pages, lines.Count(l => l.StartsWith("fetched ")));
        Assert.Equal(1, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_killed_run_resumes_without_refetching_and_a_third_run_needs_no_network()
    {
        using var server = new FaultyServer(Serve);
        var cache = new ResponseCache(Path.Combine(_dir.Path, "cache"));
        var urls = Urls(server);

        // Run 1: killed after 20 pages have completed.
        using var kill = new CancellationTokenSource();
        var progress = new RecordingProgress { OnAdvance = done => { if (done == 20) kill.Cancel(); } };
        using (var first = new PoliteFetcher(Options, cache))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.FetchAllAsync(urls, progress, kill.Token));
        var kept = urls.Where(cache.Contains).ToHashSet();
        Assert.InRange(kept.Count, 20, Pages - 1);

        // Run 2: only the missing pages reach the server.
        server.ResetHits();
        using var second = new PoliteFetcher(Options, cache);
        var resumed = await second.FetchAllAsync(urls);
        AssertEveryPageIsRight(resumed);
        foreach (var (url, result) in urls.Zip(resumed))
        {
            Assert.Equal(kept.Contains(url), result.FromCache);
            if (kept.Contains(url)) Assert.Equal(0, server.Hits(url.AbsolutePath));
            else Assert.True(server.Hits(url.AbsolutePath) >= 1, $"{url} was not fetched");
        }
        Assert.Equal(kept.Count, second.Stats.CacheHits);
        Assert.Equal(Pages - kept.Count, second.Stats.Fetched);
        AssertTheCacheHoldsEachPageOnce(cache, server);

        // Run 3: everything is cached; not even robots.txt is asked for.
        server.ResetHits();
        using var third = new PoliteFetcher(Options, cache);
        var cached = await third.FetchAllAsync(urls);
        AssertEveryPageIsRight(cached);
        Assert.All(cached, r => Assert.True(r.FromCache));
        Assert.Equal(0, server.TotalHits);
        Assert.Equal(0, third.Stats.Requests);
        Assert.Equal(Pages, third.Stats.CacheHits);
    }

    [Fact]
    public async Task Shards_split_a_crawl_between_processes_with_no_overlap()
    {
        using var server = new FaultyServer(r => r.Path == "/robots.txt" ? Reply.NotFound() : Reply.Ok(BodyOf(int.Parse(r.Path[10..^5]))));
        var cache = new ResponseCache(Path.Combine(_dir.Path, "shared-cache"));
        var urls = Urls(server);
        var options = PoliteFetcherTests.Fast with { MaxPerHost = 8, MaxConcurrency = 8 };
        var fetchers = Enumerable.Range(1, 3).Select(_ => new PoliteFetcher(options, cache)).ToList();
        var parts = await Task.WhenAll(fetchers.Select((f, i) => f.FetchAllAsync(new Shard(i + 1, 3).Select(urls))));
        Assert.Equal(Pages, fetchers.Sum(f => f.Stats.Fetched)); // each page fetched by exactly one "process"
        Assert.All(fetchers, f => Assert.Equal(0, f.Stats.CacheHits));
        fetchers.ForEach(f => f.Dispose());

        Assert.Equal(Pages, parts.Sum(p => p.Count));
        Assert.Equal(urls.Select(u => u.AbsoluteUri).Order(), parts.SelectMany(p => p).Select(r => r.Url.AbsoluteUri).Order());
        Assert.All(parts.SelectMany(p => p), r => Assert.True(r.IsSuccess && !r.FromCache));
        AssertTheCacheHoldsEachPageOnce(cache, server);
        // Every request for a page came from the one fetcher that owns it (normally exactly one request).
        Assert.All(parts.SelectMany(p => p), r => Assert.Equal(r.Attempts, server.Hits(r.Url.AbsolutePath)));
    }
}
