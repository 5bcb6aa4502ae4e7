namespace Lib.Workflow;

/// <summary>What reading sources gave, in every sport: the rows in source order and every record left out, with
/// why.</summary>
/// <typeparam name="T">The row type (a performance, a route, a flight ...).</typeparam>
public sealed record IngestResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<RejectedRecord> Rejected)
{
    /// <summary>Nothing read.</summary>
    public static IngestResult<T> Empty { get; } = new([], []);

    /// <summary>The rows and rejections of several results, in order.</summary>
    public static IngestResult<T> Concat(IEnumerable<IngestResult<T>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new([.. list.SelectMany(p => p.Rows)], [.. list.SelectMany(p => p.Rejected)]);
    }
}
