using AngleSharp.Html.Parser;
using Lib.Display;
using Lib.Track.Domain;
using Lib.Web;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// Fetch → parse → rows for TFRRS pages. Pages are named by their addresses; a TFRRS address (host <c>tfrrs.org</c> or
/// one of its subdomains) is fetched from <see cref="Site"/> when one is given (a <see cref="LoopbackMirror"/> of saved
/// pages, another mirror, or the live site), so the rows' <see cref="Performance.File"/> is the same whichever server
/// answered; an address on any other host is fetched from that host, through the fetcher for other hosts (polite,
/// as any site). Each page's report says which source served it. Each page's kind is recognised from its markup (list,
/// athlete, team); with <see cref="ScrapeOptions.FollowRosters"/> the athletes a roster links are fetched too. Pages
/// that fail are reported, never fatal; a cancelled run throws <see cref="OperationCanceledException"/>, and with a
/// cache a re-run resumes where it stopped.
/// </summary>
public sealed class TrackScraper
{
    /// <summary>The live site's address, against which relative addresses are read.</summary>
    public static readonly Uri Tfrrs = new("https://www.tfrrs.org/");

    private readonly PoliteFetcher _fetcher;
    private readonly PoliteFetcher _elsewhere;
    private readonly string? _siteName;

    /// <summary>A scraper fetching TFRRS addresses through <paramref name="fetcher"/> from <paramref name="site"/>
    /// (null: from each address itself) and addresses on other hosts from those hosts through
    /// <paramref name="elsewhere"/> (null: <paramref name="fetcher"/>). <paramref name="siteName"/> names the site in
    /// page reports (such as <c>mirror</c>; null: the site's address).</summary>
    public TrackScraper(
        PoliteFetcher fetcher,
        Uri? site = null,
        PoliteFetcher? elsewhere = null,
        string? siteName = null
    )
    {
        _fetcher = fetcher ?? throw new ArgumentNullException(nameof(fetcher));
        _elsewhere = elsewhere ?? fetcher;
        _siteName = siteName;
        if (site is not null && (!site.IsAbsoluteUri || site.Scheme is not ("http" or "https")))
            throw new ArgumentException($"The site '{site}' must be an absolute http(s) address.", nameof(site));
        Site = site is null
            ? null
            : new Uri(site.AbsoluteUri.EndsWith('/') ? site.AbsoluteUri : site.AbsoluteUri + "/");
    }

    /// <summary>Where TFRRS addresses are fetched from; null to fetch each address as given.</summary>
    public Uri? Site { get; }

    /// <summary>Whether <paramref name="address"/> is on TFRRS: host <c>tfrrs.org</c> or a subdomain
    /// (<c>www.tfrrs.org</c>, <c>tf.tfrrs.org</c>).</summary>
    public static bool IsTfrrs(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var host = address.Host;
        return host.Equals("tfrrs.org", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".tfrrs.org", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The TFRRS address of <paramref name="address"/>: an absolute http(s) address as is, a path (<c>/athletes/…</c>)
    /// against <see cref="Tfrrs"/>. <see cref="ArgumentException"/> for anything else.
    /// </summary>
    public static Uri Canonical(string address)
    {
        var text = address?.Trim() ?? "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute;
        if (text.StartsWith('/') && Uri.TryCreate(Tfrrs, text, out var relative))
            return relative;
        throw new ArgumentException(
            $"'{address}' is not a page address: give an http(s) address or a path such as "
                + "/athletes/7983217/Moravian/Trevor_Gray.html."
        );
    }

    /// <summary>Where <paramref name="canonical"/> is fetched from: a TFRRS address's path and query on
    /// <see cref="Site"/>; any other address (or any address without a site) as it is.</summary>
    public Uri FetchAddress(Uri canonical) =>
        Site is null || !IsTfrrs(canonical) ? canonical : new Uri(Site, canonical.PathAndQuery.TrimStart('/'));

    /// <summary>The source that serves <paramref name="canonical"/>, as page reports name it: the site's name (or
    /// address) for a TFRRS address when a site is given, else the address's own scheme, host and port.</summary>
    public string SourceOf(Uri canonical) =>
        Site is not null && IsTfrrs(canonical)
            ? _siteName ?? Site.GetLeftPart(UriPartial.Authority)
            : canonical.GetLeftPart(UriPartial.Authority);

    /// <summary>Scrapes <paramref name="addresses"/> (TFRRS addresses; repeats are read once).</summary>
    public async Task<ScrapeResult> ScrapeAsync(
        IEnumerable<Uri> addresses,
        ScrapeOptions? options = null,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(addresses);
        options ??= new ScrapeOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = addresses.Where(u => seen.Add(UrlKey.Normalize(u))).ToList();

        var collected = new Collected();
        await ReadAsync(pages, options, progress, collected, cancellationToken).ConfigureAwait(false);
        if (options.FollowRosters)
        {
            var athletes = collected
                .Rosters.SelectMany(r => r.Athletes)
                .Select(a => new Uri(a.Url))
                .Where(u => seen.Add(UrlKey.Normalize(u)))
                .ToList();
            if (athletes.Count > 0)
                await ReadAsync(athletes, options, progress, collected, cancellationToken).ConfigureAwait(false);
        }
        return new ScrapeResult(
            collected.Rows,
            collected.Skipped,
            collected.Reports,
            collected.Athletes,
            collected.Rosters,
            ReferenceEquals(_elsewhere, _fetcher) ? _fetcher.Stats : Sum(_fetcher.Stats, _elsewhere.Stats)
        );
    }

    private sealed class Collected
    {
        public List<Performance> Rows { get; } = [];
        public List<RejectedRecord> Skipped { get; } = [];
        public List<PageReport> Reports { get; } = [];
        public List<AthletePage> Athletes { get; } = [];
        public List<TeamRoster> Rosters { get; } = [];
    }

    private async Task ReadAsync(
        List<Uri> pages,
        ScrapeOptions options,
        IProgressReporter? progress,
        Collected into,
        CancellationToken cancellationToken
    )
    {
        var fetched = await FetchAsync(pages, options.Refresh, progress, cancellationToken).ConfigureAwait(false);
        using var parsing = progress?.Start("Parsing pages", pages.Count, "pages");
        var parser = new HtmlParser();
        for (var i = 0; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = pages[i].AbsoluteUri;
            var result = fetched[i];
            var source = SourceOf(pages[i]) + (result.FromCache ? " (cached)" : "");
            if (!result.IsSuccess)
            {
                into.Reports.Add(
                    new PageReport(
                        url,
                        PageKind.Unknown,
                        null,
                        result.Status,
                        result.Reason ?? result.Status.ToString(),
                        0,
                        0,
                        0
                    )
                    {
                        Source = source,
                    }
                );
                parsing?.Advance();
                continue;
            }
            var document = parser.ParseDocument(result.Text);
            var kind = PageKinds.Detect(document);
            try
            {
                switch (kind)
                {
                    case PageKind.PerformanceList:
                        var list = PerformanceListParser.Parse(url, document);
                        Add(into, list.Rows, list.Skipped);
                        into.Reports.Add(
                            new PageReport(
                                url,
                                kind,
                                list.Layout.ToString().ToLowerInvariant(),
                                result.Status,
                                null,
                                list.Rows.Count,
                                list.Skipped.Count,
                                0
                            )
                        );
                        break;
                    case PageKind.Athlete:
                        var athlete = AthletePageParser.Parse(url, document);
                        Add(into, athlete.Results, athlete.Skipped);
                        into.Athletes.Add(athlete);
                        into.Reports.Add(
                            new PageReport(
                                url,
                                kind,
                                athlete.Name,
                                result.Status,
                                null,
                                athlete.Results.Count,
                                athlete.Skipped.Count,
                                0
                            )
                        );
                        break;
                    case PageKind.Team:
                        var roster = TeamRosterParser.Parse(url, document);
                        into.Skipped.AddRange(roster.Skipped);
                        into.Rosters.Add(roster);
                        into.Reports.Add(
                            new PageReport(
                                url,
                                kind,
                                roster.Team,
                                result.Status,
                                null,
                                0,
                                roster.Skipped.Count,
                                roster.Athletes.Count
                            )
                        );
                        break;
                    default:
                        into.Reports.Add(
                            new PageReport(
                                url,
                                kind,
                                null,
                                result.Status,
                                "not a page the scraper reads (no list rows or table#myTable, no #meet-results, "
                                    + "no ROSTER)",
                                0,
                                0,
                                0
                            )
                        );
                        break;
                }
            }
            catch (FormatException e)
            {
                into.Reports.Add(new PageReport(url, kind, null, result.Status, e.Message, 0, 0, 0));
            }
            into.Reports[^1] = into.Reports[^1] with { Source = source };
            parsing?.Advance();
        }
        parsing?.Complete();
    }

    /// <summary>Fetches <paramref name="pages"/>: TFRRS addresses through the site's fetcher, others through the
    /// fetcher for other hosts; results in the pages' order.</summary>
    private async Task<IReadOnlyList<FetchResult>> FetchAsync(
        List<Uri> pages,
        bool refresh,
        IProgressReporter? progress,
        CancellationToken cancellationToken
    )
    {
        var onSite = pages.Select((p, i) => (Page: p, Index: i)).Where(p => UsesSiteFetcher(p.Page)).ToList();
        var offSite = pages.Select((p, i) => (Page: p, Index: i)).Where(p => !UsesSiteFetcher(p.Page)).ToList();
        var results = new FetchResult[pages.Count];
        foreach (var (fetcher, group) in new[] { (_fetcher, onSite), (_elsewhere, offSite) })
        {
            if (group.Count == 0)
                continue;
            var fetched = await fetcher
                .FetchAllAsync(group.Select(p => FetchAddress(p.Page)), refresh, progress, cancellationToken)
                .ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
                results[group[i].Index] = fetched[i];
        }
        return results;
    }

    private bool UsesSiteFetcher(Uri page) => ReferenceEquals(_elsewhere, _fetcher) || Site is null || IsTfrrs(page);

    private static FetcherStats Sum(FetcherStats a, FetcherStats b) =>
        new(
            a.Fetched + b.Fetched,
            a.CacheHits + b.CacheHits,
            a.NotFound + b.NotFound,
            a.Disallowed + b.Disallowed,
            a.Failures + b.Failures,
            a.Retries + b.Retries,
            a.Requests + b.Requests,
            a.Bytes + b.Bytes
        );

    private static void Add(Collected into, IReadOnlyList<Performance> rows, IReadOnlyList<RejectedRecord> skipped)
    {
        into.Rows.AddRange(rows);
        into.Skipped.AddRange(skipped);
    }
}
