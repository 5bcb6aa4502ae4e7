using System.Security.Cryptography;
using System.Text;

namespace Lib.Web;

/// <summary>
/// The normalised form of a page address, and the SHA-256 key derived from it, shared by the
/// cache and the sharding: scheme and host lower case, the default port dropped, an empty path
/// made <c>/</c>, the fragment dropped; path and query are kept as escaped (their order and case matter).
/// </summary>
public static class UrlKey
{
    /// <summary>The normalised absolute address; throws for anything but an absolute http(s) address.</summary>
    public static string Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException(
                $"Expected an absolute http or https address, got '{url.OriginalString}'.",
                nameof(url)
            );
        return url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
    }

    /// <summary>The lower-case hex SHA-256 of the normalised address (UTF-8).</summary>
    public static string Hash(Uri url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(url))));

    /// <summary>The origin (<c>scheme://host:port</c>) that robots.txt and the rate limit apply to.</summary>
    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
