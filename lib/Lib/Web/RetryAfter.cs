using System.Net.Http.Headers;

namespace Lib.Web;

/// <summary>Reads a <c>Retry-After</c> header: a number of seconds, or an HTTP date (RFC 9110 §10.2.3).</summary>
public static class RetryAfter
{
    /// <summary>The wait the header asks for, measured from <paramref name="now"/> (never negative); null when absent
    /// or unreadable.</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    /// <summary>Parses the header's text, such as <c>120</c> or <c>Wed, 21 Oct 2015 07:28:00 GMT</c>.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(value?.Trim(), out var header) ? From(header, now) : null;
}
