using System.Text;

namespace Lib.Web;

/// <summary>
/// What happened to one page: its status, its body when it has one, where it came from, how many
/// attempts it took and why each failed attempt failed.
/// </summary>
public sealed class FetchResult
{
    /// <summary>The page asked for.</summary>
    public required Uri Url { get; init; }

    /// <summary>How the fetch ended.</summary>
    public required FetchStatus Status { get; init; }

    /// <summary>The last HTTP status received, if any.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The body of an <see cref="FetchStatus.Ok"/> result (content-decoded); null otherwise.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>True when the answer came from the cache (no network request was made).</summary>
    public bool FromCache { get; init; }

    /// <summary>Network attempts made for the page (0 from the cache or when disallowed).</summary>
    public int Attempts { get; init; }

    /// <summary>One line per failed attempt (and its wait before the next), in order.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>Why the result is not <see cref="FetchStatus.Ok"/>; null when it is.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the body is there.</summary>
    public bool IsSuccess => Status == FetchStatus.Ok;

    /// <summary>The body decoded with the Content-Type's charset (UTF-8 when none or unknown).</summary>
    public string Text =>
        Body is null
            ? throw new InvalidOperationException($"{Url} has no body: {Reason ?? Status.ToString()}.")
            : Decode(Body, ContentType);

    /// <summary>Returns this result when it is <see cref="FetchStatus.Ok"/>; otherwise throws
    /// <see cref="FetchDisallowedException"/> or <see cref="FetchFailedException"/>.</summary>
    public FetchResult EnsureSuccess() =>
        Status switch
        {
            FetchStatus.Ok => this,
            FetchStatus.Disallowed => throw new FetchDisallowedException(Url, Reason ?? "robots.txt disallows it"),
            _ => throw new FetchFailedException(this),
        };

    /// <summary>One line: status, address, size and source, or the reason.</summary>
    public override string ToString() =>
        Status == FetchStatus.Ok
            ? $"{Url}: {HttpStatus} {Body!.Length} bytes "
                + $"{(FromCache ? "from cache" : $"fetched in {Attempts} attempt(s)")}"
            : $"{Url}: {Status} ({Reason})";

    /// <summary>The same result for another spelling of the same address (a repeat in a batch).</summary>
    internal FetchResult For(Uri url) =>
        new()
        {
            Url = url,
            Status = Status,
            HttpStatus = HttpStatus,
            Body = Body,
            ContentType = ContentType,
            FromCache = FromCache,
            Attempts = Attempts,
            History = History,
            Reason = Reason,
        };

    /// <summary>Decodes a body with the Content-Type's charset, UTF-8 when none or unknown.</summary>
    internal static string Decode(byte[] body, string? contentType)
    {
        var encoding = Encoding.UTF8;
        var charset = contentType
            ?.Split(';')
            .Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            ?["charset=".Length..].Trim('"', '\'');
        if (!string.IsNullOrEmpty(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset);
            }
            catch (ArgumentException) { }
        }
        return encoding.GetString(body);
    }
}
