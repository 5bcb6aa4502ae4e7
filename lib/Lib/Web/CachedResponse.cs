using System.Text.Json.Serialization;

namespace Lib.Web;

/// <summary>
/// The JSON sidecar of a cached response: what was asked for, what came back and a checksum of
/// the body file, so a corrupt or partial entry is recognised and ignored.
/// </summary>
/// <param name="Url">The normalised address (<see cref="UrlKey.Normalize"/>).</param>
/// <param name="Status">The HTTP status: 2xx, or 404/410 for a negative entry (which has no body).</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="FetchedAtUtc">When the response arrived.</param>
/// <param name="Length">The body's length in bytes (0 for a negative entry).</param>
/// <param name="Sha256">The lower-case hex SHA-256 of the body (null for a negative entry).</param>
public sealed record CachedResponse(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("fetchedAtUtc")] DateTime FetchedAtUtc,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("sha256")] string? Sha256
)
{
    /// <summary>True for a recorded 404/410: the page is known not to exist.</summary>
    [JsonIgnore]
    public bool IsNotFound => Status is 404 or 410;
}
