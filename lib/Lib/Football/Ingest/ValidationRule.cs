namespace Lib.Football.Ingest;

/// <summary>
/// The checks of the tracking validator (<see cref="TrackingValidator"/>), after the NFL Analytics Engine guide's data
/// validation. The first four are checked while reading: a row that fails them cannot be read and is left out (and
/// reported). The others are checked on the rows read, which are kept and reported: they are real quirks of the data
/// (players on the sideline, a ball in the stands, repeated frames, holes in tracks) that later rooms handle.
/// </summary>
public enum ValidationRule
{
    /// <summary>A column the schema needs is missing from the header: the file is not read.</summary>
    RequiredColumns,

    /// <summary>An empty value in a critical field (game, play, frame, time, team, x, y, s): the row is left
    /// out.</summary>
    MissingValue,

    /// <summary>A value that does not parse as its type (a number, an integer, a timestamp): the row is left
    /// out.</summary>
    Type,

    /// <summary>A player's row without a usable id, a ball row with one, or one id on both teams of a play. A player
    /// without an id is left out; the others are kept.</summary>
    PlayerId,

    /// <summary>A row whose play is not in the plays table (no play type, direction or possession to place it):
    /// left out.</summary>
    UnknownPlay,

    /// <summary>A play read from two files: the later file's copy is left out.</summary>
    DuplicatePlay,

    /// <summary>x outside 0–120.</summary>
    XRange,

    /// <summary>y outside 0–53.3.</summary>
    YRange,

    /// <summary>Speed negative or above the limit (players 13 yd/s, the ball 35 yd/s).</summary>
    Speed,

    /// <summary>Acceleration (where the source has it) above the limit (players 15 yd/s², the ball 300
    /// yd/s²).</summary>
    Acceleration,

    /// <summary>A (game, play, frame, entity) key repeated: the first row's position counts, the events are
    /// merged.</summary>
    DuplicateFrame,

    /// <summary>Frames missing inside an entity's track in a play.</summary>
    FrameGap,
}

/// <summary>What each rule checks, in words, and whether its failures leave rows out.</summary>
public static class ValidationRules
{
    /// <summary>Every rule, in report order.</summary>
    public static IReadOnlyList<ValidationRule> All { get; } = Enum.GetValues<ValidationRule>();

    /// <summary>The rule's name in reports (<c>x-range</c>, <c>duplicate-frame</c>).</summary>
    public static string Name(this ValidationRule rule) =>
        rule switch
        {
            ValidationRule.RequiredColumns => "required-columns",
            ValidationRule.MissingValue => "missing-value",
            ValidationRule.Type => "type",
            ValidationRule.PlayerId => "player-id",
            ValidationRule.UnknownPlay => "unknown-play",
            ValidationRule.DuplicatePlay => "duplicate-play",
            ValidationRule.XRange => "x-range",
            ValidationRule.YRange => "y-range",
            ValidationRule.Speed => "speed",
            ValidationRule.Acceleration => "acceleration",
            ValidationRule.DuplicateFrame => "duplicate-frame",
            ValidationRule.FrameGap => "frame-gap",
            _ => rule.ToString(),
        };

    /// <summary>What the rule checks.</summary>
    public static string Description(this ValidationRule rule) =>
        rule switch
        {
            ValidationRule.RequiredColumns => "the header has every column the schema needs",
            ValidationRule.MissingValue => "game, play, frame, time, team, x, y and s are present",
            ValidationRule.Type => "numbers, integers and timestamps parse",
            ValidationRule.PlayerId => "players have a positive id, the ball none, an id is on one team per play",
            ValidationRule.UnknownPlay => "every row's play is in the plays table",
            ValidationRule.DuplicatePlay => "no play comes from two files",
            ValidationRule.XRange => "x in 0–120",
            ValidationRule.YRange => "y in 0–53.3",
            ValidationRule.Speed => "0 ≤ s ≤ 13 yd/s for players, ≤ 35 yd/s for the ball",
            ValidationRule.Acceleration => "|a| ≤ 15 yd/s² for players, ≤ 300 yd/s² for the ball (where a is given)",
            ValidationRule.DuplicateFrame => "one row per play, frame and entity",
            ValidationRule.FrameGap => "no frames missing inside an entity's track",
            _ => "",
        };
}
