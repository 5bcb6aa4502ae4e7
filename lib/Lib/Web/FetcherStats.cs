using System.Globalization;

namespace Lib.Web;

/// <summary>Counters of a fetcher's work so far, per page unless said otherwise.</summary>
/// <param name="Fetched">Pages that ended <see cref="FetchStatus.Ok"/> from the network.</param>
/// <param name="CacheHits">Pages answered from the cache (positive or negative entries).</param>
/// <param name="NotFound">Pages that ended <see cref="FetchStatus.NotFound"/> from the network.</param>
/// <param name="Disallowed">Pages robots.txt forbade.</param>
/// <param name="Failures">Pages that ended <see cref="FetchStatus.Failed"/>.</param>
/// <param name="Retries">Attempts after the first, over all pages and robots.txt files.</param>
/// <param name="Requests">HTTP requests sent, robots.txt included.</param>
/// <param name="Bytes">Body bytes received in complete responses, robots.txt included.</param>
public sealed record FetcherStats(
    long Fetched,
    long CacheHits,
    long NotFound,
    long Disallowed,
    long Failures,
    long Retries,
    long Requests,
    long Bytes
)
{
    /// <summary>One line for logs and progress.</summary>
    public override string ToString() =>
        $"{Fetched} fetched, {CacheHits} cached, {NotFound} not found, {Disallowed} disallowed, {Failures} "
        + $"failed; {Requests} requests, {Retries} retries, {Bytes.ToString("N0", CultureInfo.InvariantCulture)} "
        + "bytes";
}
