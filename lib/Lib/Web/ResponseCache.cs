using System.Security.Cryptography;
using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Web;

/// <summary>
/// Raw responses on disk, one entry per normalised address: <c>&lt;root&gt;/ab/&lt;sha256&gt;.body</c>
/// (the bytes as received, after content decoding) and <c>&lt;sha256&gt;.json</c> (a
/// <see cref="CachedResponse"/>), where the key is the SHA-256 of <see cref="UrlKey.Normalize"/>
/// and <c>ab</c> its first two hex digits. Both files are written atomically, the body first and
/// the sidecar last, so a sidecar only ever describes a complete body. Reads verify the sidecar's
/// address, length and checksum; an entry that fails is treated as absent (and refetched).
/// Successful (2xx) responses are stored; 404 and 410 may be stored as negative entries (a sidecar
/// with no body) so that a re-run does not ask again.
/// </summary>
public sealed class ResponseCache
{
    private const string BodyExtension = ".body";
    private const string SidecarExtension = ".json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Opens (and creates if needed) the cache folder <paramref name="root"/>.</summary>
    public ResponseCache(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>The body file of <paramref name="url"/>'s entry (which may not exist).</summary>
    public string BodyPath(Uri url) => PathOf(UrlKey.Hash(url), BodyExtension);

    /// <summary>The sidecar file of <paramref name="url"/>'s entry (which may not exist).</summary>
    public string SidecarPath(Uri url) => PathOf(UrlKey.Hash(url), SidecarExtension);

    /// <summary>Whether a valid entry (positive or negative) exists for <paramref name="url"/>.</summary>
    public bool Contains(Uri url) => TryGet(url, out _, out _);

    /// <summary>
    /// Reads <paramref name="url"/>'s entry if it is present and intact; <paramref name="body"/> is
    /// empty for a negative entry. A missing, unreadable or corrupt entry gives false.
    /// </summary>
    public bool TryGet(Uri url, out CachedResponse entry, out byte[] body)
    {
        var key = UrlKey.Hash(url);
        var normalized = UrlKey.Normalize(url);
        entry = null!;
        body = [];
        var meta = ReadSidecar(PathOf(key, SidecarExtension));
        if (meta is null || meta.Url != normalized)
            return false;
        if (meta.IsNotFound)
        {
            entry = meta;
            return true;
        }
        if (meta.Status is < 200 or > 299 || meta.Sha256 is null)
            return false;
        try
        {
            var bytes = File.ReadAllBytes(PathOf(key, BodyExtension));
            if (bytes.LongLength != meta.Length || Convert.ToHexStringLower(SHA256.HashData(bytes)) != meta.Sha256)
                return false;
            entry = meta;
            body = bytes;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Stores a successful response (status 2xx); the body is written before the sidecar.</summary>
    public CachedResponse Put(
        Uri url,
        int status,
        string? contentType,
        ReadOnlySpan<byte> body,
        DateTime? fetchedAtUtc = null
    )
    {
        if (status is < 200 or > 299)
            throw new ArgumentOutOfRangeException(
                nameof(status),
                status,
                $"Only successful (2xx) responses are cached, got {status} for {url}."
            );
        var key = UrlKey.Hash(url);
        var entry = new CachedResponse(
            UrlKey.Normalize(url),
            status,
            contentType,
            fetchedAtUtc ?? DateTime.UtcNow,
            body.Length,
            Convert.ToHexStringLower(SHA256.HashData(body))
        );
        AtomicFile.WriteAllBytes(PathOf(key, BodyExtension), body);
        AtomicFile.WriteAllText(PathOf(key, SidecarExtension), JsonSerializer.Serialize(entry, Json));
        return entry;
    }

    /// <summary>Records that <paramref name="url"/> answered 404 or 410 (a negative entry, no body).</summary>
    public CachedResponse PutNotFound(Uri url, int status = 404, DateTime? fetchedAtUtc = null)
    {
        if (status is not (404 or 410))
            throw new ArgumentOutOfRangeException(
                nameof(status),
                status,
                $"A negative entry records 404 or 410, got {status} for {url}."
            );
        var key = UrlKey.Hash(url);
        var entry = new CachedResponse(UrlKey.Normalize(url), status, null, fetchedAtUtc ?? DateTime.UtcNow, 0, null);
        AtomicFile.WriteAllText(PathOf(key, SidecarExtension), JsonSerializer.Serialize(entry, Json));
        // after the sidecar: a stale body without a valid sidecar is ignored anyway
        File.Delete(PathOf(key, BodyExtension));
        return entry;
    }

    /// <summary>Deletes <paramref name="url"/>'s entry, if any (the sidecar first, so the entry is gone before its
    /// body).</summary>
    public void Remove(Uri url)
    {
        var key = UrlKey.Hash(url);
        if (!Directory.Exists(Path.GetDirectoryName(PathOf(key, SidecarExtension))))
            return;
        File.Delete(PathOf(key, SidecarExtension));
        File.Delete(PathOf(key, BodyExtension));
    }

    /// <summary>The sidecars of all entries that parse (bodies are not verified here; <see cref="TryGet"/> does
    /// that).</summary>
    public IEnumerable<CachedResponse> Entries()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*" + SidecarExtension, SearchOption.AllDirectories))
            if (ReadSidecar(file) is { } entry)
                yield return entry;
    }

    private string PathOf(string key, string extension) => Path.Combine(Root, key[..2], key + extension);

    private static CachedResponse? ReadSidecar(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<CachedResponse>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e)
            when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
