using Lib.Display;
using Lib.Web;
using Lib.Workflow;

namespace Lib.Paragliding.Scrape;

/// <summary>
/// The paragliding scrape step (<c>lab paragliding xcontest</c>): saved XContest pages parsed from files, or pages
/// fetched by address — from the live site with the polite fetcher's defaults and cache, or, by default, from a
/// loopback mirror of the saved pages (no pacing: it is our own server), exactly as track's TFRRS scrape.
/// </summary>
public static class ParaglidingScrapeStep
{
    /// <summary>Parses saved pages (flight lists or RSS); writes their rows when <paramref name="csv"/> is given.
    /// </summary>
    public static XContestScrapeOutcome Parse(IReadOnlyList<string> files, string? csv = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pages = files.Select(XContestParser.Read).ToList();
        if (csv is not null)
            XContestTables.WriteCsv(pages, csv);
        return new XContestScrapeOutcome(pages, [], null, false, csv);
    }

    /// <summary>Fetches and parses the request's pages; a page that fails is reported, never fatal.</summary>
    public static async Task<XContestScrapeOutcome> RunAsync(
        XContestScrapeRequest request,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Addresses.Count == 0)
            throw new ArgumentException("No pages to fetch: give at least one XContest address.", nameof(request));
        LoopbackMirror? mirror = null;
        Uri site;
        FetcherOptions options;
        string? cache = null;
        if (request.BaseUrl is not null)
        {
            if (
                !Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out var parsed)
                || parsed.Scheme is not ("http" or "https")
            )
                throw new ArgumentException(
                    $"The site '{request.BaseUrl}' is not an http(s) address such as https://www.xcontest.org.",
                    nameof(request)
                );
            site = parsed;
            options = new FetcherOptions { Log = request.Log };
            cache = request.CacheDirectory;
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
            };
        }
        var urls = request.Addresses.Select(a => On(site, a)).ToList();
        var pages = new List<XContestPage>();
        var failed = new List<RejectedRecord>();
        using (mirror)
        using (var fetcher = new PoliteFetcher(options, cache is null ? null : new ResponseCache(cache)))
        {
            var results = await fetcher
                .FetchAllAsync(urls, progress: progress, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            foreach (var r in results)
            {
                var source = Uri.UnescapeDataString(r.Url.Segments[^1]);
                if (!r.IsSuccess)
                {
                    failed.Add(new RejectedRecord(r.Url.ToString(), "page", r.Reason ?? r.Status.ToString()));
                    continue;
                }
                try
                {
                    pages.Add(XContestParser.Parse(source, r.Text));
                }
                catch (InvalidDataException e)
                {
                    failed.Add(new RejectedRecord(r.Url.ToString(), "page", e.Message));
                }
            }
        }
        if (request.Csv is not null)
            XContestTables.WriteCsv(pages, request.Csv);
        return new XContestScrapeOutcome(pages, failed, site, mirror is not null, request.Csv);
    }

    /// <summary>An address on <paramref name="site"/>: an absolute address keeps its path and query only.</summary>
    private static Uri On(Uri site, string address)
    {
        var pathAndQuery =
            Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http")
                ? absolute.PathAndQuery
                : (address.StartsWith('/') ? address : "/" + address);
        return new Uri(site, pathAndQuery);
    }
}
