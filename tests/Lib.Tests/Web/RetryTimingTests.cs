using Lib.Web;

namespace Lib.Tests.Web;

/// <summary>The arithmetic behind the waits: backoff, Retry-After and request spacing (no clocks involved).</summary>
public class RetryTimingTests
{
    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped_and_repeatable()
    {
        var first = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(3));
        var again = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(3));
        for (var retry = 1; retry <= 8; retry++)
        {
            var nominal = Math.Min(100 * Math.Pow(2, retry - 1), 1000);
            var wait = first.Delay(retry);
            Assert.InRange(wait.TotalMilliseconds, nominal / 2, nominal);
            Assert.Equal(wait, again.Delay(retry));
        }
        Assert.InRange(first.Delay(1000).TotalMilliseconds, 500, 1000);
    }

    [Fact]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter.Parse("120", now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Parse("Sat, 01 Mar 2025 12:01:30 GMT", now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Parse("Sat, 01 Mar 2025 11:00:00 GMT", now)); // already past
        Assert.Null(RetryAfter.Parse("soon", now));
        Assert.Null(RetryAfter.Parse(null, now));
    }

    [Fact]
    public void The_rate_limiter_spaces_starts_and_honours_crawl_delay_and_deferral()
    {
        static TimeSpan ms(double n) => TimeSpan.FromMilliseconds(n);
        var limiter = new HostRateLimiter(ms(100));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(ms(0)));
        Assert.Equal(ms(100), limiter.Reserve(ms(0)));   // the second start waits one interval
        Assert.Equal(ms(150), limiter.Reserve(ms(50)));  // the third waits for its own slot at 200
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(ms(1000)));

        limiter.RaiseInterval(ms(500));                  // Crawl-delay read after the last start (1000)
        Assert.Equal(ms(500), limiter.Interval);
        Assert.Equal(ms(400), limiter.Reserve(ms(1100)));
        limiter.RaiseInterval(ms(10));                   // never lowered
        Assert.Equal(ms(500), limiter.Interval);

        limiter.Defer(ms(5000));                         // Retry-After: nobody starts before 5 s
        Assert.Equal(ms(3000), limiter.Reserve(ms(2000)));
    }
}
