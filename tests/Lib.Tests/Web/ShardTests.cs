using Lib.Web;

namespace Lib.Tests.Web;

public class ShardTests
{
    private static readonly Uri[] Urls = Enumerable.Range(0, 600)
        .Select(i => new Uri($"https://www.tfrrs.org/athletes/{i * 7919 % 100000}/Some_Team/Name_{i}.html")).ToArray();

    [Fact]
    public void Shards_cover_every_url_exactly_once()
    {
        foreach (var n in new[] { 1, 2, 3, 4, 7 })
        {
            var shards = Enumerable.Range(1, n).Select(i => new Shard(i, n)).ToArray();
            var parts = shards.Select(s => s.Select(Urls).ToList()).ToArray();
            Assert.Equal(Urls.Length, parts.Sum(p => p.Count));
            Assert.Equal(Urls.OrderBy(u => u.AbsoluteUri), parts.SelectMany(p => p).OrderBy(u => u.AbsoluteUri));
            foreach (var url in Urls) Assert.Single(shards, s => s.Contains(url));
            Assert.All(parts, p => Assert.True(p.Count > Urls.Length / n / 2, $"shard sizes {string.Join(",", parts.Select(x => x.Count))} are lopsided"));
        }
    }

    [Fact]
    public void The_assignment_is_stable_and_follows_the_normalised_url()
    {
        // Golden values (computed with Python's hashlib: first 8 bytes of SHA-256, big-endian, mod n, plus 1):
        // a change here would reshuffle every crawl already split into shards.
        Assert.Equal(3, Shard.Of(new Uri("https://www.tfrrs.org/athletes/1.html"), 4));
        Assert.Equal(3, Shard.Of(new Uri("https://www.tfrrs.org/athletes/2.html"), 4));
        Assert.Equal(4, Shard.Of(new Uri("https://www.tfrrs.org/athletes/3.html"), 4));
        Assert.Equal(Shard.Of(new Uri("http://example.org/a?b=1"), 5), Shard.Of(new Uri("HTTP://EXAMPLE.org:80/a?b=1#top"), 5));
    }

    [Theory]
    [InlineData("1/4", 1, 4)]
    [InlineData("4/4", 4, 4)]
    [InlineData(" 2 / 3 ", 2, 3)]
    [InlineData("1/1", 1, 1)]
    public void Parses_one_based_i_of_n(string text, int index, int count)
    {
        var shard = Shard.Parse(text);
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal($"{index}/{count}", shard.ToString());
    }

    [Theory]
    [InlineData("0/4", "1-based, expected 1 to 4")]
    [InlineData("5/4", "1-based, expected 1 to 4")]
    [InlineData("1/0", "at least 1")]
    [InlineData("1-4", "Expected a shard as 'i/n'")]
    [InlineData("a/b", "Expected a shard as 'i/n'")]
    [InlineData("-1/4", "Expected a shard as 'i/n'")]
    [InlineData("", "Expected a shard as 'i/n'")]
    public void Bad_shards_are_clear_errors(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Shard.Parse(text));
        Assert.Contains(expected, e.Message);
        Assert.Contains($"'{text}'", e.Message);
        Assert.False(Shard.TryParse(text, null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(0, 3));
    }
}
