namespace Lib.Web;

/// <summary>How a page's fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A 2xx response with its body, from the network or the cache.</summary>
    Ok,

    /// <summary>The server answered 404 or 410 (a definite answer, not retried).</summary>
    NotFound,

    /// <summary>robots.txt forbids the page; no request was made for it.</summary>
    Disallowed,

    /// <summary>No usable response: retries ran out, the error was permanent (another 4xx, too large), or robots.txt
    /// could not be read.</summary>
    Failed,
}
