using Lib.Web;

namespace Lib.Tests.Web;

public class UrlKeyTests
{
    [Theory]
    [InlineData("HTTPS://WWW.TFRRS.org/lists/1.html#men", "https://www.tfrrs.org/lists/1.html")]
    [InlineData("http://example.org:80", "http://example.org/")]
    [InlineData("https://example.org:443/a?b=C&a=1", "https://example.org/a?b=C&a=1")]
    [InlineData("http://127.0.0.1:8080/Athletes/X Y.html", "http://127.0.0.1:8080/Athletes/X%20Y.html")]
    public void Normalises_scheme_host_port_and_fragment_but_not_path_or_query(string input, string expected) =>
        Assert.Equal(expected, UrlKey.Normalize(new Uri(input)));

    [Fact]
    public void The_key_is_the_sha256_of_the_normalised_url()
    {
        Assert.Equal(UrlKey.Hash(new Uri("http://example.org/")), UrlKey.Hash(new Uri("HTTP://example.org:80/#x")));
        Assert.NotEqual(UrlKey.Hash(new Uri("http://example.org/A")), UrlKey.Hash(new Uri("http://example.org/a")));
        Assert.Matches("^[0-9a-f]{64}$", UrlKey.Hash(new Uri("http://example.org/")));
    }

    [Fact]
    public void Relative_or_non_http_addresses_are_rejected()
    {
        Assert.Contains("absolute http or https", Assert.Throws<ArgumentException>(() => UrlKey.Normalize(new Uri("/a", UriKind.Relative))).Message);
        Assert.Contains("ftp://example.org/x", Assert.Throws<ArgumentException>(() => UrlKey.Normalize(new Uri("ftp://example.org/x"))).Message);
    }
}
