using System.Net;
using Lib.Web;

namespace Lib.Tests.Web;

public class LoopbackMirrorTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private MirrorSite Site()
    {
        _dir.File("site/pages/a.html", "<p>a</p>");
        _dir.File("site/pages/b c.html", "<p>b c</p>");
        _dir.File("site/data.csv", "x,y\n1,2\n");
        _dir.File("secret.txt", "outside");
        _dir.File("site/routes.tsv", "# address<TAB>file\n/athletes/1/Team/A.html\tpages/a.html\n/teams/tf/X.html?config_hnd=255\tpages/b c.html\n");
        return MirrorSite.FromFolder(Path.Combine(_dir.Path, "site"));
    }

    [Fact]
    public async Task Serves_routes_and_files_on_loopback()
    {
        using var mirror = new LoopbackMirror(Site());
        Assert.Equal("127.0.0.1", mirror.BaseUri.Host);
        Assert.Equal("<p>a</p>", await _http.GetStringAsync(new Uri(mirror.BaseUri, "/athletes/1/Team/A.html")));
        Assert.Equal("<p>b c</p>", await _http.GetStringAsync(new Uri(mirror.BaseUri, "/teams/tf/X.html?config_hnd=255")));
        Assert.Equal("<p>a</p>", await _http.GetStringAsync(new Uri(mirror.BaseUri, "/pages/a.html")));
        Assert.Equal("<p>b c</p>", await _http.GetStringAsync(new Uri(mirror.BaseUri, "/pages/b%20c.html")));
        using var csv = await _http.GetAsync(new Uri(mirror.BaseUri, "/data.csv"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        using var html = await _http.GetAsync(new Uri(mirror.BaseUri, "/pages/a.html"));
        Assert.Equal(("text/html", "utf-8"), (html.Content.Headers.ContentType!.MediaType, html.Content.Headers.ContentType.CharSet));
        Assert.Equal(6, mirror.Requests);
    }

    [Theory]
    [InlineData("/athletes/2/Team/B.html")]
    [InlineData("/teams/tf/X.html?config_hnd=1")]
    [InlineData("/robots.txt")]
    [InlineData("/")]
    [InlineData("/pages")]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    public async Task Anything_else_is_404_and_nothing_outside_the_folder_is_served(string path)
    {
        using var mirror = new LoopbackMirror(Site());
        using var response = await _http.GetAsync(mirror.BaseUri.AbsoluteUri.TrimEnd('/') + path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("outside", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_answers_without_a_body_and_other_methods_are_refused()
    {
        using var mirror = new LoopbackMirror(Site());
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(mirror.BaseUri, "/pages/a.html")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(8, head.Content.Headers.ContentLength);
        using var post = await _http.PostAsync(new Uri(mirror.BaseUri, "/pages/a.html"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public void A_bad_route_names_its_file_and_line()
    {
        _dir.File("bad/a.html", "a");
        _dir.File("bad/routes.tsv", "/ok\ta.html\n/missing\tnope.html\n");
        var e = Assert.Throws<FormatException>(() => MirrorSite.FromFolder(Path.Combine(_dir.Path, "bad")));
        Assert.Contains("routes.tsv, line 2", e.Message);
        Assert.Contains("'nope.html' is not a file", e.Message);
        Assert.Throws<DirectoryNotFoundException>(() => MirrorSite.FromFolder(Path.Combine(_dir.Path, "none")));
    }

    [Fact]
    public async Task The_polite_fetcher_reads_the_mirror_like_a_site()
    {
        using var mirror = new LoopbackMirror(Site());
        using var fetcher = new PoliteFetcher(PoliteFetcherTests.Fast);
        var results = await fetcher.FetchAllAsync([new Uri(mirror.BaseUri, "/athletes/1/Team/A.html"), new Uri(mirror.BaseUri, "/nope.html")]);
        Assert.Equal("<p>a</p>", results[0].EnsureSuccess().Text);
        Assert.Equal(FetchStatus.NotFound, results[1].Status);
    }
}
