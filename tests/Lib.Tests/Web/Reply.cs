using System.Text;

namespace Lib.Tests.Web;

/// <summary>What <see cref="FaultyServer"/> answers to one request, faults included.</summary>
internal sealed record Reply(int Status, byte[] Body)
{
    public string ContentType { get; init; } = "text/html; charset=utf-8";

    /// <summary>Extra headers, such as Retry-After or Content-Encoding.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Waits this long before sending anything.</summary>
    public TimeSpan DelayHeaders { get; init; }

    /// <summary>Sends the headers and half the body, then waits this long before the rest.</summary>
    public TimeSpan StallBody { get; init; }

    /// <summary>Sends the headers and half the body, then resets the connection (TCP RST).</summary>
    public bool ResetMidBody { get; init; }

    /// <summary>Declares the full Content-Length, sends half the body, then closes cleanly.</summary>
    public bool TruncateBody { get; init; }

    /// <summary>Sends the body chunked, with no Content-Length.</summary>
    public bool Chunked { get; init; }

    public static Reply Ok(string body) => new(200, Encoding.UTF8.GetBytes(body));

    public static Reply Text(int status, string body = "") => new(status, Encoding.UTF8.GetBytes(body)) { ContentType = "text/plain; charset=utf-8" };

    public static Reply NotFound() => Text(404, "not found");
}
