using System.Collections.Concurrent;
using Lib.Track.Scrape;
using Lib.Web;
using Lib.Tests.Web;

namespace Lib.Tests.Track;

/// <summary>
/// The scraper against a mirror of the bundled pages that misbehaves — slow answers past the timeout,
/// stalled and reset bodies, truncated bodies, 500s, 503s with Retry-After — and a run killed part-way and
/// resumed from the cache: the table at the end is exactly the table of a clean run.
/// </summary>
public class ScrapeUnderFaultsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly MirrorSite _site = TrackScraperTests.BundledSite();
    private readonly ConcurrentDictionary<Fault, int> _served = new();
    private readonly Dictionary<string, Fault[]> _plan;

    private enum Fault { Slow, StalledBody, Error500, Error503, Reset, Truncated }

    public ScrapeUnderFaultsTests()
    {
        // One to three faults per page, for its first requests (seeded); every kind of fault appears.
        var random = new Random(5);
        var kinds = Enum.GetValues<Fault>();
        var urls = TrackScraperTests.DefaultUrls();
        _plan = urls.Select((u, i) => (u.PathAndQuery, Faults: Enumerable.Range(0, 1 + random.Next(3)).Select(k => k == 0 ? kinds[i % kinds.Length] : kinds[random.Next(kinds.Length)]).ToArray()))
            .ToDictionary(p => p.PathAndQuery, p => p.Faults);
    }

    public void Dispose() => _dir.Dispose();

    private static FetcherOptions Options => PoliteFetcherTests.Fast with
    {
        RequestTimeout = TimeSpan.FromSeconds(1),
        MaxAttempts = 8, // up to three planned faults, with room for a healthy request timing out on a loaded machine
        MaxPerHost = 4,
        MaxConcurrency = 4,
    };

    private Reply Serve(ServedRequest request)
    {
        var file = _site.FileFor(request.Path);
        if (file is null) return Reply.NotFound();
        var ok = new Reply(200, File.ReadAllBytes(file)) { ContentType = MirrorSite.ContentTypeOf(file) };
        if (!_plan.TryGetValue(request.Path, out var faults) || request.Hit > faults.Length) return ok;
        var fault = faults[request.Hit - 1];
        _served.AddOrUpdate(fault, 1, (_, n) => n + 1);
        return fault switch
        {
            Fault.Slow => ok with { DelayHeaders = TimeSpan.FromSeconds(3) },
            Fault.StalledBody => ok with { StallBody = TimeSpan.FromSeconds(3) },
            Fault.Error500 => Reply.Text(500, "boom"),
            Fault.Error503 => Reply.Text(503) with { Headers = [("Retry-After", "1")] },
            Fault.Reset => ok with { ResetMidBody = true },
            _ => ok with { TruncateBody = true },
        };
    }

    private string Table(ScrapeResult result, string name)
    {
        var csv = Path.Combine(_dir.Path, name, "performances.csv");
        PerformanceTable.Write(result.Rows, Path.Combine(_dir.Path, name, "performances.parquet"), csv);
        return File.ReadAllText(csv);
    }

    [Fact]
    public async Task A_faulty_killed_and_resumed_run_ends_with_the_clean_runs_table()
    {
        var urls = TrackScraperTests.DefaultUrls();

        // The clean run: the library's own mirror, no cache.
        ScrapeResult clean;
        using (var mirror = new LoopbackMirror(_site))
        using (var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast))
            clean = await new TrackScraper(fetcher, mirror.BaseUri).ScrapeAsync(urls);
        Assert.Empty(clean.Failed);
        var expected = Table(clean, "clean");

        using var server = new FaultyServer(Serve);
        var cache = new ResponseCache(Path.Combine(_dir.Path, "cache"));

        // Run 1: faults everywhere, killed once three pages are in.
        using var kill = new CancellationTokenSource();
        var progress = new RecordingProgress { OnAdvance = done => { if (done == 3) kill.Cancel(); } };
        using (var first = new PoliteFetcher(Options, cache))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TrackScraper(first, server.BaseUri).ScrapeAsync(urls, null, progress, kill.Token));
        var scraper = new TrackScraper(new PoliteFetcher(Options), server.BaseUri);
        var kept = urls.Where(u => cache.Contains(scraper.FetchAddress(u))).ToList();
        Assert.InRange(kept.Count, 3, urls.Count - 1);

        // Run 2: resumes from the cache (kept pages are not asked for again), survives the remaining faults.
        server.ResetHits();
        ScrapeResult resumed;
        using (var second = new PoliteFetcher(Options, cache))
        {
            resumed = await new TrackScraper(second, server.BaseUri).ScrapeAsync(urls);
            Assert.Equal(kept.Count, second.Stats.CacheHits);
            Assert.Equal(urls.Count - kept.Count, second.Stats.Fetched);
            Assert.Equal(0, second.Stats.Failures);
        }
        foreach (var url in kept) Assert.Equal(0, server.Hits(url.PathAndQuery));

        Assert.Empty(resumed.Failed);
        Assert.Empty(resumed.Skipped);
        Assert.Equal(clean.Rows.Count, resumed.Rows.Count);
        Assert.Equal(expected, Table(resumed, "resumed"));
        Assert.Equal(Enum.GetValues<Fault>().Length, _served.Count); // every kind of fault was served
    }
}
