namespace Lib.Web;

/// <summary>The site's robots.txt forbids fetching a page.</summary>
public sealed class FetchDisallowedException(Uri url, string reason)
    : Exception($"robots.txt forbids fetching {url}: {reason}.")
{
    /// <summary>The forbidden page.</summary>
    public Uri Url { get; } = url;
}
