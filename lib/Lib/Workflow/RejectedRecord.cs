namespace Lib.Workflow;

/// <summary>
/// A source record left out rather than guessed at, in every sport: the source (a file name or a page's URL), where
/// in it (<c>line 17</c>, <c>record 17 (apiId 19224 'Tess')</c>, <c>table 2, row 5</c>), why, and the record's text as
/// written (empty when the record has no one-line text).
/// </summary>
public sealed record RejectedRecord(string Source, string Location, string Reason, string Text = "")
{
    /// <summary>A record rejected at a line of a text file.</summary>
    public static RejectedRecord AtLine(string source, int line, string reason, string text = "") =>
        new(source, $"line {line}", reason, text);

    /// <inheritdoc />
    public override string ToString() =>
        Text.Length == 0 ? $"{Source}: {Location}: {Reason}" : $"{Source}: {Location}: {Reason} [{Text}]";
}
