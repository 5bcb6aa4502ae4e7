using Lib.Storage.DuckDb;
using Lib.Track.Domain;
using Lib.Track.Scrape;
using Lib.Web;
using Lib.Tests.Web;

namespace Lib.Tests.Track;

/// <summary>The scraper end to end against a loopback mirror of the bundled pages.</summary>
public class TrackScraperTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The default run's addresses, data/tfrrs/urls.txt.</summary>
    internal static List<Uri> DefaultUrls() => File.ReadLines(Path.Combine(RepoPaths.Data, "tfrrs", "urls.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(TrackScraper.Canonical).ToList();

    internal static MirrorSite BundledSite() => MirrorSite.FromFolder(RepoPaths.TfrrsHtml);

    [Fact]
    public async Task The_bundled_pages_scrape_completely_through_the_mirror()
    {
        using var mirror = new LoopbackMirror(BundledSite());
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast);
        var scraper = new TrackScraper(fetcher, mirror.BaseUri);
        var result = await scraper.ScrapeAsync(DefaultUrls());

        Assert.Empty(result.Failed);
        Assert.Empty(result.Skipped);
        Assert.Equal(
            [("list", "current", 2123), ("list", "printable", 1606), ("list", "legacy", 1697), ("athlete", "TREVOR GRAY", 41),
             ("athlete", "OWEN SABASTRO", 24), ("athlete", "SHANE HOUGHTON", 71), ("team", "MORAVIAN", 0), ("team", "MORAVIAN", 0)],
            result.Pages.Select(p => (p.Kind.Code(), p.Detail, p.Rows)));
        Assert.Equal([0, 0, 0, 0, 0, 0, 38, 18], result.Pages.Select(p => p.Athletes));
        Assert.Equal(5562, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.StartsWith("https://www.tfrrs.org/", r.File)); // the TFRRS address, not the mirror's
        Assert.Equal(DefaultUrls().Select(u => u.AbsoluteUri), result.Rows.Select(r => r.File).Distinct().Concat(result.Rosters.Select(r => r.Url)));
        Assert.Equal(8, fetcher.Stats.Fetched);
    }

    [Fact]
    public async Task Rosters_lead_to_their_athletes_and_missing_pages_are_reported()
    {
        using var mirror = new LoopbackMirror(BundledSite());
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast with { MaxPerHost = 8, MaxConcurrency = 8 });
        var scraper = new TrackScraper(fetcher, mirror.BaseUri);
        var result = await scraper.ScrapeAsync([TrackScraper.Canonical("/teams/tf/PA_college_m_Moravian.html?config_hnd=255")], new ScrapeOptions { FollowRosters = true });

        Assert.Equal(1 + 38, result.Pages.Count);
        Assert.Equal([6873033L, 7983217L, 7983219L], result.AthletePages.Select(a => a.AthleteId!.Value).Order());
        Assert.Equal(41 + 24 + 71, result.Rows.Count);
        Assert.Equal(35, result.Failed.Count); // the roster's other athletes were never saved
        Assert.All(result.Failed, p => Assert.Equal(FetchStatus.NotFound, p.Status));
        Assert.All(result.Failed, p => Assert.StartsWith("https://www.tfrrs.org/athletes/", p.Url));
    }

    [Fact]
    public async Task A_page_of_another_kind_is_reported_not_parsed()
    {
        _dir.File("site/meet.html", "<html><body><h1>Results</h1></body></html>");
        using var mirror = new LoopbackMirror(MirrorSite.FromFolder(Path.Combine(_dir.Path, "site")));
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast);
        var result = await new TrackScraper(fetcher, mirror.BaseUri).ScrapeAsync([TrackScraper.Canonical("/meet.html"), TrackScraper.Canonical("/gone.html")]);
        Assert.Equal([(PageKind.Unknown, FetchStatus.Ok), (PageKind.Unknown, FetchStatus.NotFound)], result.Pages.Select(p => (p.Kind, p.Status)));
        Assert.Contains("not a page the scraper reads", result.Pages[0].Reason);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("https://www.tfrrs.org/athletes/1/X.html", "https://www.tfrrs.org/athletes/1/X.html")]
    [InlineData("/athletes/1/X.html", "https://www.tfrrs.org/athletes/1/X.html")]
    [InlineData("http://mirror.example/lists/1?x=2", "http://mirror.example/lists/1?x=2")]
    public void Addresses_are_read_against_the_live_site(string given, string canonical) =>
        Assert.Equal(canonical, TrackScraper.Canonical(given).AbsoluteUri);

    [Theory]
    [InlineData("athletes/1.html")]
    [InlineData("ftp://www.tfrrs.org/x")]
    [InlineData("")]
    public void Other_addresses_are_refused(string given) => Assert.Throws<ArgumentException>(() => TrackScraper.Canonical(given));

    [Fact]
    public void Pages_are_fetched_from_the_site_with_their_path_and_query()
    {
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast);
        var scraper = new TrackScraper(fetcher, new Uri("http://127.0.0.1:8080/mirror"));
        Assert.Equal("http://127.0.0.1:8080/mirror/teams/tf/X.html?config_hnd=255",
            scraper.FetchAddress(TrackScraper.Canonical("https://www.tfrrs.org/teams/tf/X.html?config_hnd=255")).AbsoluteUri);
        Assert.Equal("https://www.tfrrs.org/x", new TrackScraper(fetcher).FetchAddress(TrackScraper.Canonical("/x")).AbsoluteUri);
        // Any TFRRS host goes to the site; another host is fetched from itself (issue 19: it used to be re-routed).
        Assert.Equal("http://127.0.0.1:8080/mirror/results/1", scraper.FetchAddress(new Uri("https://tf.tfrrs.org/results/1")).AbsoluteUri);
        Assert.Equal("http://host.example/lists/9/X", scraper.FetchAddress(new Uri("http://host.example/lists/9/X")).AbsoluteUri);
        Assert.Equal(("http://127.0.0.1:8080", "http://host.example"),
            (scraper.SourceOf(new Uri("https://tfrrs.org/a")), scraper.SourceOf(new Uri("http://host.example/lists/9/X"))));
        Assert.Equal("mirror", new TrackScraper(fetcher, new Uri("http://127.0.0.1:8080/"), siteName: "mirror").SourceOf(new Uri("https://www.tfrrs.org/a")));
    }

    [Theory]
    [InlineData("https://www.tfrrs.org/a", true)]
    [InlineData("https://tf.tfrrs.org/a", true)]
    [InlineData("http://tfrrs.org/a", true)]
    [InlineData("http://nottfrrs.org/a", false)]
    [InlineData("http://tfrrs.org.example/a", false)]
    [InlineData("http://127.0.0.1:5000/lists/1", false)]
    public void Only_tfrrs_org_and_its_subdomains_are_TFRRS(string address, bool tfrrs) =>
        Assert.Equal(tfrrs, TrackScraper.IsTfrrs(new Uri(address)));

    [Fact]
    public async Task The_table_is_written_as_parquet_and_csv()
    {
        using var mirror = new LoopbackMirror(BundledSite());
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast);
        var result = await new TrackScraper(fetcher, mirror.BaseUri).ScrapeAsync(DefaultUrls().Where(u => u.AbsolutePath.StartsWith("/athletes/", StringComparison.Ordinal)));
        var parquet = Path.Combine(_dir.Path, "out", "performances.parquet");
        var csv = Path.Combine(_dir.Path, "out", "performances.csv");
        PerformanceTable.Write(result.Rows, parquet, csv);

        using var connection = DuckDb.OpenInMemory();
        Assert.Equal(136L, connection.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", parquet));
        Assert.Equal(136L, connection.ExecuteScalar<long>("SELECT count(*) FROM read_csv(?)", csv));
        var columns = connection.Query("SELECT * FROM read_parquet(?) LIMIT 0", parquet).Columns.Select(c => c.Name).ToList();
        foreach (var required in new[] { "source_url", "gender", "event", "event_title", "athlete", "athlete_id", "team", "class_year", "mark", "value", "wind", "meet", "meet_id", "date", "season", "place" })
            Assert.Contains(required, columns);
        var first = connection.Query("SELECT event, mark, value, wind, date::VARCHAR AS date, season, place, round, athlete_id FROM read_parquet(?) LIMIT 1", parquet);
        Assert.Equal("100", first.GetColumn<string>("event")[0]);
        Assert.Equal(11.12, first.GetColumn<double>("value")[0]);
        Assert.Equal("2022-05-18", first.GetColumn<string>("date")[0]);
        Assert.Equal(("outdoor", 24, "P", 7983217L), (first.GetColumn<string>("season")[0], first.GetColumn<int>("place")[0], first.GetColumn<string>("round")[0], first.GetColumn<long>("athlete_id")[0]));
        Assert.Equal(2L, connection.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?) WHERE status = 'DNF' AND value IS NULL", parquet));
        Assert.Equal(21L, connection.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?) WHERE season = 'xc'", parquet));
    }
}
