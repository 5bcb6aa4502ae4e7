using Lib.Display;
using Lib.Web;

namespace Lib.Track.Scrape;

/// <summary>
/// The scrape step, the one orchestration <c>lab track scrape</c> and <c>notebooks/track/01-scrape.dib</c> call: serves
/// TFRRS addresses from a <see cref="LoopbackMirror"/> of the saved pages (no pacing, no cache: our own loopback
/// server) unless a site is given (then the polite fetcher's defaults and a response cache apply); an address on
/// another host is always fetched from that host, politely and cached as any site. Scrapes the pages with
/// <see cref="TrackScraper"/> and writes <c>performances.parquet</c> (and <c>.csv</c>) and <c>skipped.csv</c>
/// (<see cref="PerformanceTable"/>).
/// </summary>
public static class TrackScrapeStep
{
    /// <summary>Runs the step; pages that fail are reported in the result (the table is still written), never
    /// thrown.</summary>
    /// <exception cref="ArgumentException"><see cref="TrackScrapeRequest.BaseUrl"/> is not an http(s) address, or there
    /// are no pages.</exception>
    public static async Task<TrackScrapeOutcome> RunAsync(
        TrackScrapeRequest request,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var (result, site, fromMirror) = await ScrapeAsync(request, progress, cancellationToken).ConfigureAwait(false);
        var table = Path.Combine(request.OutDirectory, "performances.parquet");
        var csv = request.Csv ? Path.Combine(request.OutDirectory, "performances.csv") : null;
        var skipped = Path.Combine(request.OutDirectory, "skipped.csv");
        PerformanceTable.Write(result.Rows, table, csv);
        PerformanceTable.WriteSkipped(result.Skipped, skipped);
        return new TrackScrapeOutcome(result, site, fromMirror, table, csv, skipped);
    }

    /// <summary>The scrape of <see cref="RunAsync"/> without writing the tables (the request's output folder is not
    /// used): the result, the site TFRRS addresses came from and whether that was the mirror.</summary>
    /// <exception cref="ArgumentException"><see cref="TrackScrapeRequest.BaseUrl"/> is not an http(s) address, or there
    /// are no pages.</exception>
    public static async Task<(ScrapeResult Result, Uri Site, bool FromMirror)> ScrapeAsync(
        TrackScrapeRequest request,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Addresses.Count == 0)
            throw new ArgumentException("No pages to scrape: give at least one TFRRS address.", nameof(request));
        LoopbackMirror? mirror = null;
        Uri site;
        FetcherOptions options;
        string? cacheDirectory = request.CacheDirectory;
        if (!string.IsNullOrWhiteSpace(request.BaseUrl))
        {
            if (
                !Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out var parsed)
                || parsed.Scheme is not ("http" or "https")
            )
                throw new ArgumentException(
                    $"The site '{request.BaseUrl}' is not an http(s) address such as https://www.tfrrs.org.",
                    nameof(request)
                );
            site = parsed;
            options = new FetcherOptions { Log = request.Log };
            cacheDirectory ??= request.LiveCacheDirectory;
        }
        else
        {
            mirror = new LoopbackMirror(MirrorSite.FromFolder(request.MirrorFolder));
            site = mirror.BaseUri;
            options = new FetcherOptions
            {
                MinInterval = TimeSpan.Zero,
                MaxPerHost = 4,
                Log = request.Log,
            }; // our own loopback server: no need to pace
        }

        ScrapeResult result;
        // Pages on other hosts than TFRRS are fetched from those hosts: politely, cached as the live site is.
        var offSite = mirror is not null && request.Addresses.Any(a => !TrackScraper.IsTfrrs(a));
        var elsewhereCache = request.CacheDirectory ?? request.LiveCacheDirectory;
        using (mirror)
        using (
            var fetcher = new PoliteFetcher(options, cacheDirectory is null ? null : new ResponseCache(cacheDirectory))
        )
        using (
            var elsewhere = offSite
                ? new PoliteFetcher(
                    new FetcherOptions { Log = request.Log },
                    elsewhereCache is null ? null : new ResponseCache(elsewhereCache)
                )
                : null
        )
            result = await new TrackScraper(fetcher, site, elsewhere, mirror is null ? null : "mirror")
                .ScrapeAsync(
                    request.Addresses,
                    new ScrapeOptions { FollowRosters = request.FollowRosters, Refresh = request.Refresh },
                    progress,
                    cancellationToken
                )
                .ConfigureAwait(false);

        return (result, site, mirror is not null);
    }

    /// <summary>
    /// The pages of an address file (one a line, <c>#</c> starts a comment, as <c>data/tfrrs/urls.txt</c>) after
    /// <paramref name="urls"/>, as TFRRS addresses; an address that is not one is an <see cref="ArgumentException"/>
    /// naming
    /// the file and line (or <c>--url</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The address file does not exist.</exception>
    public static List<Uri> Addresses(IEnumerable<string> urls, string? file)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var lines = urls.Select(u => (Text: u, Where: "--url")).ToList();
        if (file is not null)
        {
            if (!File.Exists(file))
                throw new FileNotFoundException($"The address file '{file}' does not exist.", file);
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                var text = line.Trim();
                if (text.Length > 0 && !text.StartsWith('#'))
                    lines.Add((text, $"{file}, line {n}"));
            }
        }
        return
        [
            .. lines.Select(l =>
            {
                try
                {
                    return TrackScraper.Canonical(l.Text);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"{l.Where}: {e.Message}", e);
                }
            }),
        ];
    }
}
