using Lib.Workflow;

namespace Lib.Football.Ingest;

/// <summary>
/// One failure of a validation rule: the rule, the file, the play (when known), the row's line, the entity and frame
/// (when known), what was wrong and the row's text (empty when the issue is not about one line of text).
/// </summary>
/// <param name="Rule">The rule that failed.</param>
/// <param name="Source">The file (its name).</param>
/// <param name="GameId">The play's game, when known.</param>
/// <param name="PlayId">The play's id, when known.</param>
/// <param name="Line">The 1-based line in the file (the header is line 1); 0 for a whole file or play.</param>
/// <param name="NflId">The player's id, when the issue is about a player.</param>
/// <param name="FrameId">The frame, when known.</param>
/// <param name="Message">What was wrong and what was expected.</param>
/// <param name="Text">The row as written, or empty.</param>
/// <param name="LeftOut">Whether the row (or file, or play) was left out of the table; false when it was kept and
/// only reported.</param>
public sealed record ValidationIssue(
    ValidationRule Rule,
    string Source,
    long? GameId,
    int? PlayId,
    int Line,
    int? NflId,
    int? FrameId,
    string Message,
    string Text = "",
    bool LeftOut = false
)
{
    /// <summary>Where in the source: <c>line 17 (play 2018090901/2324)</c>.</summary>
    public string Location =>
        (Line > 0 ? $"line {Line}" : "file")
        + (GameId is { } g && PlayId is { } p ? $" (play {g}/{p}{(FrameId is { } f ? $", frame {f}" : "")})" : "");

    /// <summary>The issue as the workflow kit's rejected record (source, location, <c>rule: message</c>,
    /// text).</summary>
    public RejectedRecord ToRejected() => new(Source, Location, $"{Rule.Name()}: {Message}", Text);

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Location}: {Rule.Name()}: {Message}";
}
