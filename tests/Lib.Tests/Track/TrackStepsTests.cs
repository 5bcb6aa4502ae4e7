using Lib.Storage.DuckDb;
using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Scrape;
using Lib.Track.Train;
using Lib.Web;

namespace Lib.Tests.Track;

/// <summary>The steps the CLI and the notebooks call: scrape (mirror or site), cache, train (load or run).</summary>
[Collection(TrackCollection.Name)]
public class TrackStepsTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static long Count(string file)
    {
        using var connection = DuckDb.OpenInMemory();
        var reader = file.EndsWith(".csv", StringComparison.Ordinal) ? "read_csv" : "read_parquet";
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM {reader}(?)", file);
    }

    private TrackScrapeRequest Request(IReadOnlyList<Uri> addresses) => TrackScrapeRequest.Under(_dir.Path, addresses) with { MirrorFolder = RepoPaths.TfrrsHtml };

    [Fact]
    public async Task Without_a_site_the_scrape_step_serves_the_saved_pages_and_writes_the_tables()
    {
        var addresses = TrackScrapeStep.Addresses([], Path.Combine(RepoPaths.Data, "tfrrs", "urls.txt"));
        var outcome = await TrackScrapeStep.RunAsync(Request(addresses) with { Csv = true });

        Assert.True(outcome.FromMirror);
        Assert.Equal("127.0.0.1", outcome.Site.Host);
        Assert.Equal(5562, outcome.Result.Rows.Count);
        Assert.Equal(Path.Combine(_dir.Path, "artifacts", "track", "scrape", "performances.parquet"), outcome.TablePath);
        Assert.Equal(5562, Count(outcome.TablePath));
        Assert.Equal(5562, Count(outcome.CsvPath!));
        Assert.Equal("source,location,reason,text", File.ReadLines(outcome.SkippedPath).First());
        Assert.StartsWith("5562 performances from 8 of 8 pages, 0 rows skipped, 0 pages failed", outcome.Summary);
        Assert.EndsWith("served by mirror 8.", outcome.Summary);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "artifacts", "cache"))); // the mirror is read uncached
    }

    [Fact]
    public async Task With_a_site_the_scrape_step_fetches_from_it_through_the_response_cache()
    {
        using var site = new LoopbackMirror(TrackScraperTests.BundledSite()); // stands in for www.tfrrs.org
        var addresses = TrackScrapeStep.Addresses(["/athletes/7983217/Moravian/Trevor_Gray.html"], null);
        var outcome = await TrackScrapeStep.RunAsync(Request(addresses) with { BaseUrl = site.BaseUri.AbsoluteUri });

        Assert.False(outcome.FromMirror);
        Assert.Equal(site.BaseUri, outcome.Site);
        Assert.Equal(41, Count(outcome.TablePath));
        Assert.Null(outcome.CsvPath);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir.Path, "artifacts", "cache", "tfrrs"), "*.body", SearchOption.AllDirectories));
        Assert.All(outcome.Result.Rows, r => Assert.StartsWith("https://www.tfrrs.org/athletes/7983217/", r.File)); // named by the TFRRS address
    }

    /// <summary>Another site: a loopback server whose <c>/lists/4600/…</c> address answers the saved printable
    /// list.</summary>
    internal static LoopbackMirror OtherSite(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.TfrrsHtml, "performance_lists", "printable_MIACOutdoor2024.html"), Path.Combine(folder, "miac.html"));
        File.WriteAllText(Path.Combine(folder, "routes.tsv"), "/lists/4600/MIAC_Outdoor_Performance_List\tmiac.html\n");
        return new LoopbackMirror(MirrorSite.FromFolder(folder));
    }

    [Fact]
    public async Task An_address_on_another_host_is_fetched_from_that_host_and_TFRRS_addresses_from_the_mirror()
    {
        using var other = OtherSite(Path.Combine(_dir.Path, "other"));
        var list = new Uri(other.BaseUri, "lists/4600/MIAC_Outdoor_Performance_List");
        var addresses = TrackScrapeStep.Addresses([list.AbsoluteUri, "https://tf.tfrrs.org/athletes/7983217/Moravian/Trevor_Gray.html"], null);
        var outcome = await TrackScrapeStep.RunAsync(Request(addresses));

        Assert.Empty(outcome.Result.Failed);
        var host = other.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.Equal([host, "mirror"], outcome.Result.Pages.Select(p => p.Source));
        Assert.Equal(1606, outcome.Result.Rows.Count(r => r.File == list.AbsoluteUri)); // named by its own address
        Assert.Equal(41, outcome.Result.Rows.Count(r => r.File.StartsWith("https://tf.tfrrs.org/athletes/", StringComparison.Ordinal)));
        Assert.Equal(2, other.Requests); // robots.txt, then the list: the polite fetcher, not the mirror's
        Assert.EndsWith($"served by {host} 1, mirror 1.", outcome.Summary);
        // Politely and cached, as the live site is.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir.Path, "artifacts", "cache", "tfrrs"), "*.body", SearchOption.AllDirectories));
        var again = await TrackScrapeStep.RunAsync(Request(addresses));
        Assert.Equal($"{host} (cached)", again.Result.Pages[0].Source);
        Assert.Equal(2, other.Requests);
    }

    [Fact]
    public async Task Bad_sites_and_addresses_are_refused_naming_what_is_wrong()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => TrackScrapeStep.RunAsync(Request([TrackScraper.Canonical("/lists/1")]) with { BaseUrl = "ftp://example.org" }));
        Assert.Contains("'ftp://example.org' is not an http(s) address", e.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => TrackScrapeStep.RunAsync(Request([])));

        var file = _dir.File("urls.txt", "# pages\n/lists/4515\n\nnot a page\n");
        Assert.Contains($"{file}, line 4: 'not a page' is not a page address", Assert.Throws<ArgumentException>(() => TrackScrapeStep.Addresses([], file)).Message);
        Assert.Contains("--url: 'x' is not a page address", Assert.Throws<ArgumentException>(() => TrackScrapeStep.Addresses(["x"], null)).Message);
        Assert.Equal(["https://www.tfrrs.org/lists/4515"], TrackScrapeStep.Addresses([], _dir.File("ok.txt", "# pages\n/lists/4515\n")).Select(u => u.AbsoluteUri));
        Assert.Throws<FileNotFoundException>(() => TrackScrapeStep.Addresses([], Path.Combine(_dir.Path, "missing.txt")));
    }

    [Fact]
    public void The_cache_step_names_missing_sources_and_reloads_an_unchanged_cache()
    {
        var request = new TrackCacheRequest(RepoPaths.Data, Path.Combine(_dir.Path, "cache"), ScrapedTable: Path.Combine(_dir.Path, "none.parquet"));
        Assert.Contains("none.parquet' does not exist", Assert.Throws<FileNotFoundException>(() => TrackCacheStep.Run(request)).Message);
        Assert.Contains("has no tfrrs/ folder", Assert.Throws<DirectoryNotFoundException>(() => TrackCacheStep.Run(new TrackCacheRequest(_dir.Path, Path.Combine(_dir.Path, "cache")))).Message);

        var under = TrackCacheRequest.Under(_dir.Path, withScrapedTable: true);
        Assert.Equal((Path.Combine(_dir.Path, "data"), Path.Combine(_dir.Path, "artifacts", "cache"), null), (under.DataDirectory, under.CacheDirectory, under.ScrapedTable));
        var scraped = _dir.File(Path.Combine("artifacts", "track", "scrape", "performances.parquet"), "");
        Assert.Equal(scraped, TrackCacheRequest.Under(_dir.Path, withScrapedTable: true).ScrapedTable);
        Assert.Null(TrackCacheRequest.Under(_dir.Path).ScrapedTable);

        Assert.StartsWith("Built the track cache", fixture.Data.Describe());
        var again = TrackCacheStep.Run(new TrackCacheRequest(RepoPaths.Data, Path.GetDirectoryName(fixture.Data.Cache.Directory)!));
        Assert.False(again.Cache.Rebuilt);
        Assert.StartsWith($"Loaded the track cache: {fixture.Data.Histories.Count} athletes' event histories", again.Describe());
    }

    [Fact]
    public void The_train_step_loads_models_already_saved_instead_of_training()
    {
        var card = Path.Combine(fixture.ModelDirectory, "men", "model.json");
        var written = File.GetLastWriteTimeUtc(card);
        var models = TrackTrainStep.LoadOrRun(fixture.Data, TrackFixture.Options, fixture.ModelDirectory);
        Assert.Equal([Gender.Men, Gender.Women], models.Select(m => m.Gender));
        Assert.Equal(written, File.GetLastWriteTimeUtc(card));
        Assert.Equal(fixture.Models.Select(m => m.Card.DataFingerprint), models.Select(m => m.Card.DataFingerprint));
        Assert.Equal(2, TrackModels.OpenAll(fixture.ModelDirectory).Count);
        Assert.Equal(Gender.Women, Assert.Single(TrackModels.OpenAll(TrackModels.FolderOf(fixture.ModelDirectory, Gender.Women))).Gender);
    }
}
