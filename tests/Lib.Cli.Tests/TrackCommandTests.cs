using Lib.Storage.DuckDb;
using Lib.Web;
using Spectre.Console;

namespace Lib.Cli.Tests;

/// <summary><c>lab track scrape</c> run in the repository, against the loopback mirror of data/tfrrs/html.</summary>
public class TrackCommandTests : IDisposable
{
    private static readonly string Repo = LabRun.Repo;
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-track-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<int> Lab(params string[] args)
    {
        var (code, output, error) = LabRun.Run(null, args);
        _out.Write(output);
        _err.Write(error);
        return Task.FromResult(code);
    }

    private static long Count(string file, string where = "true")
    {
        using var connection = DuckDb.OpenInMemory();
        var reader = file.EndsWith(".csv", StringComparison.Ordinal) ? "read_csv" : "read_parquet";
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM {reader}(?) WHERE {where}", file);
    }

    [Fact]
    public async Task The_default_run_scrapes_the_bundled_pages_from_the_loopback_mirror()
    {
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, await Lab("track", "scrape", "--out", outDir, "--csv"));
        Assert.Equal(5562, Count(Path.Combine(outDir, "performances.parquet")));
        Assert.Equal(5562, Count(Path.Combine(outDir, "performances.csv")));
        Assert.Equal(0, Count(Path.Combine(outDir, "skipped.csv")));
        Assert.Equal(21, Count(Path.Combine(outDir, "performances.parquet"), "season = 'xc'"));
        Assert.Contains("5562 performances from 8 of 8 pages, 0 rows skipped, 0 pages failed", _out.ToString());
        Assert.Contains("/lists/4515/2024_NCAA_Division_I_Rankings_FINAL", _out.ToString());
        Assert.Contains("Served the saved pages of data/tfrrs/html at http://127.0.0.1:", _err.ToString());
    }

    [Fact]
    public async Task Pages_can_be_named_by_path_and_rosters_followed()
    {
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, await Lab("track", "scrape", "--url", "/athletes/7983217/Moravian/Trevor_Gray.html", "--out", outDir));
        Assert.Equal(41, Count(Path.Combine(outDir, "performances.parquet")));
        Assert.False(File.Exists(Path.Combine(outDir, "performances.csv")));

        // The roster links 38 athletes; the 35 never saved are reported, the table still written, the exit code 1.
        Assert.Equal(1, await Lab("track", "scrape", "--url", "https://www.tfrrs.org/teams/tf/PA_college_m_Moravian.html?config_hnd=255", "--follow-rosters", "--out", outDir));
        Assert.Equal(136, Count(Path.Combine(outDir, "performances.parquet")));
        Assert.Contains("35 pages failed", _out.ToString());
        Assert.Contains("failed: https://www.tfrrs.org/athletes/", _err.ToString());
    }

    [Fact]
    public async Task Base_url_sends_the_same_addresses_to_another_site()
    {
        using var mirror = new LoopbackMirror(MirrorSite.FromFolder(Path.Combine(Repo, "data", "tfrrs", "html")));
        var outDir = Path.Combine(_dir, "out");
        var cache = Path.Combine(_dir, "cache");
        var file = Path.Combine(_dir, "urls.txt");
        File.WriteAllLines(file, ["# two pages", "https://www.tfrrs.org/athletes/7983219/Moravian/Owen_Sabastro.html", "", "/athletes/6873033/Moravian/Shane__Houghton.html"]);
        Assert.Equal(0, await Lab("track", "scrape", "--url-file", file, "--base-url", mirror.BaseUri.AbsoluteUri, "--cache", cache, "--out", outDir));
        Assert.Equal(24 + 71, Count(Path.Combine(outDir, "performances.parquet")));
        Assert.Equal(3, mirror.Requests); // robots.txt and the two pages, spaced by the polite defaults
        Assert.Equal(2, new ResponseCache(cache).Entries().Count());
        Assert.Equal(24 + 71, Count(Path.Combine(outDir, "performances.parquet"), "source_url LIKE 'https://www.tfrrs.org/athletes/%'")); // TFRRS addresses, not the mirror's
    }

    [Fact]
    public async Task An_address_on_another_host_is_fetched_from_that_host_not_the_mirror()
    {
        // Issue 19: `--url http://host/lists/…` used to be answered by the bundled mirror (404).
        var folder = Path.Combine(_dir, "other");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Repo, "data", "tfrrs", "html", "performance_lists", "printable_MIACOutdoor2024.html"), Path.Combine(folder, "miac.html"));
        File.WriteAllText(Path.Combine(folder, "routes.tsv"), "/lists/4600/MIAC\tmiac.html\n");
        using var other = new LoopbackMirror(MirrorSite.FromFolder(folder));
        var outDir = Path.Combine(_dir, "out");
        var list = new Uri(other.BaseUri, "lists/4600/MIAC").AbsoluteUri;
        Assert.Equal(0, await Lab("track", "scrape", "--url", list, "--url", "/athletes/7983217/Moravian/Trevor_Gray.html", "--cache", Path.Combine(_dir, "cache"), "--out", outDir));
        Assert.Equal(1606 + 41, Count(Path.Combine(outDir, "performances.parquet")));
        Assert.Equal(1606, Count(Path.Combine(outDir, "performances.parquet"), $"source_url = '{list}'"));
        var host = other.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"served by {host} 1, mirror 1.", _out.ToString().Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal(2, other.Requests);
    }

    [Theory]
    [InlineData("--url-file", "no-such-file.txt", "does not exist")]
    [InlineData("--url", "athletes/1.html", "is not a page address")]
    [InlineData("--base-url", "ftp://example.org", "is not an http(s) address")]
    public async Task A_wrong_command_line_exits_2_with_the_reason(string option, string value, string message)
    {
        Assert.Equal(2, await Lab("track", "scrape", option, value, "--out", Path.Combine(_dir, "out")));
        Assert.Contains(message, _err.ToString());
    }

    [Fact]
    public async Task Out_is_required_and_help_lists_the_verb()
    {
        Assert.Equal(2, await Lab("track", "scrape"));
        Assert.Contains("--out", _err.ToString());
        Assert.Equal(0, await Lab("--help"));
        Assert.Contains("track", _out.ToString());
    }
}
