namespace Lib.Track.Ingest;

/// <summary>A source row that could not be understood and was left out rather than guessed: the file, the line, why, and the row as written.</summary>
public sealed record RejectedRow(string File, int Line, string Reason, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}, line {Line}: {Reason} [{Text}]";
}

/// <summary>What a source gave: its rows in file order and the rows it rejected.</summary>
public sealed record IngestResult(IReadOnlyList<Performance> Rows, IReadOnlyList<RejectedRow> Rejected);
