using System.Text;
using System.Text.Json;
using Lib.Web;

namespace Lib.Tests.Web;

public class ResponseCacheTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly Uri Page = new("https://www.tfrrs.org/athletes/42.html");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Stores_a_body_and_a_sidecar_under_the_url_hash()
    {
        var cache = new ResponseCache(_dir.Path);
        var body = Encoding.UTF8.GetBytes("<html>42</html>");
        var fetchedAt = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        cache.Put(Page, 200, "text/html; charset=utf-8", body, fetchedAt);

        var key = UrlKey.Hash(Page);
        Assert.Equal(Path.Combine(_dir.Path, key[..2], key + ".body"), cache.BodyPath(Page));
        Assert.Equal(body, File.ReadAllBytes(cache.BodyPath(Page)));
        using var json = JsonDocument.Parse(File.ReadAllText(cache.SidecarPath(Page)));
        var root = json.RootElement;
        Assert.Equal("https://www.tfrrs.org/athletes/42.html", root.GetProperty("url").GetString());
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        Assert.Equal("text/html; charset=utf-8", root.GetProperty("contentType").GetString());
        Assert.Equal(fetchedAt, root.GetProperty("fetchedAtUtc").GetDateTime());
        Assert.Equal(body.Length, root.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), root.GetProperty("sha256").GetString());

        Assert.True(cache.TryGet(new Uri("HTTPS://www.tfrrs.org:443/athletes/42.html#bio"), out var entry, out var read));
        Assert.Equal(body, read);
        Assert.Equal(200, entry.Status);
        Assert.Empty(Directory.EnumerateFiles(_dir.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Single(cache.Entries());
    }

    [Fact]
    public void Corrupt_or_partial_entries_are_ignored()
    {
        var cache = new ResponseCache(_dir.Path);
        cache.Put(Page, 200, null, "hello"u8);

        var bytes = File.ReadAllBytes(cache.BodyPath(Page));
        bytes[0] ^= 0x20;                                      // same length, other content
        File.WriteAllBytes(cache.BodyPath(Page), bytes);
        Assert.False(cache.TryGet(Page, out _, out _));

        cache.Put(Page, 200, null, "hello"u8);
        File.WriteAllBytes(cache.BodyPath(Page), "hel"u8.ToArray()); // a partial body
        Assert.False(cache.Contains(Page));

        cache.Put(Page, 200, null, "hello"u8);
        File.Delete(cache.BodyPath(Page));                     // a sidecar without its body
        Assert.False(cache.Contains(Page));

        cache.Put(Page, 200, null, "hello"u8);
        File.WriteAllText(cache.SidecarPath(Page), "{\"url\": \"https://www.tf"); // a torn sidecar
        Assert.False(cache.Contains(Page));

        cache.Put(Page, 200, null, "hello"u8);
        var other = new Uri("https://www.tfrrs.org/athletes/43.html");
        Directory.CreateDirectory(Path.GetDirectoryName(cache.SidecarPath(other))!);
        File.Copy(cache.SidecarPath(Page), cache.SidecarPath(other)); // a sidecar naming another address
        File.Copy(cache.BodyPath(Page), cache.BodyPath(other));
        Assert.False(cache.Contains(other));
        Assert.True(cache.Contains(Page));
    }

    [Fact]
    public void Not_found_is_a_negative_entry_and_other_statuses_are_refused()
    {
        var cache = new ResponseCache(_dir.Path);
        cache.Put(Page, 200, null, "old"u8);
        cache.PutNotFound(Page);
        Assert.True(cache.TryGet(Page, out var entry, out var body));
        Assert.True(entry.IsNotFound);
        Assert.Empty(body);
        Assert.False(File.Exists(cache.BodyPath(Page)));

        Assert.Contains("Only successful (2xx)", Assert.Throws<ArgumentOutOfRangeException>(() => cache.Put(Page, 503, null, "x"u8)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.PutNotFound(Page, 500));

        cache.Remove(Page);
        Assert.False(cache.Contains(Page));
        Assert.Empty(cache.Entries());
    }
}
