namespace Lib.Track.Scrape;

/// <summary>
/// A row that could not be understood and was left out rather than guessed: the page, where on it
/// (section and row number), why, and the row's text as printed.
/// </summary>
public sealed record SkippedRow(string SourceUrl, string Location, string Reason, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{SourceUrl}: {Location}: {Reason} [{Text}]";
}
