namespace Lib.Web;

/// <summary>How one HTTP attempt ended, as the retry loop sees it.</summary>
internal enum AttemptKind
{
    /// <summary>2xx with a complete body.</summary>
    Ok,

    /// <summary>404 or 410.</summary>
    NotFound,

    /// <summary>Worth another try: a timeout, an I/O error, a truncated body, 5xx, 429.</summary>
    Transient,

    /// <summary>Retrying cannot help: another 4xx or 3xx, a body over the size limit.</summary>
    Permanent,
}

/// <summary>One attempt's result; after the retry loop, the last attempt's with the attempt count and
/// history.</summary>
internal sealed record AttemptOutcome(AttemptKind Kind, int? Status = null, string? Error = null)
{
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public int Attempts { get; init; }
    public IReadOnlyList<string> History { get; init; } = [];
}
