namespace Lib.Climbing.Ingest;

/// <summary>
/// A source record that was left out rather than guessed at: the file (its name), which record
/// (<c>record 17 (apiId 19224 'Tess')</c>) and why.
/// </summary>
public sealed record RejectedRecord(string File, string Record, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Record}: {Reason}";
}
