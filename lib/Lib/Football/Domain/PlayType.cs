namespace Lib.Football.Domain;

/// <summary>The kind of play, as NGS names it (<c>play_type_pass</c> → <see cref="Pass"/>).</summary>
public enum PlayType
{
    /// <summary>A play type the source names but the lab does not know.</summary>
    Other,

    /// <summary>A forward pass (completed, incomplete or intercepted).</summary>
    Pass,

    /// <summary>A run (NGS <c>rush</c>).</summary>
    Rush,

    /// <summary>A sack (a dropback ending behind the line).</summary>
    Sack,

    /// <summary>A kickoff.</summary>
    Kickoff,

    /// <summary>A punt.</summary>
    Punt,

    /// <summary>A two-point conversion try.</summary>
    TwoPointConversion,
}

/// <summary>Parsing <see cref="PlayType"/> from the sources' spellings.</summary>
public static class PlayTypes
{
    /// <summary>
    /// The play type of <paramref name="text"/>: <c>pass</c>, <c>rush</c>, <c>sack</c>, <c>kickoff</c>, <c>punt</c>,
    /// <c>two_point_conversion</c>, with or without the raw files' <c>play_type_</c> prefix, any case; null when
    /// unknown.
    /// </summary>
    public static PlayType? Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        if (t.StartsWith("play_type_", StringComparison.Ordinal))
            t = t["play_type_".Length..];
        return t switch
        {
            "pass" => PlayType.Pass,
            "rush" or "run" => PlayType.Rush,
            "sack" => PlayType.Sack,
            "kickoff" => PlayType.Kickoff,
            "punt" => PlayType.Punt,
            "two_point_conversion" => PlayType.TwoPointConversion,
            _ => null,
        };
    }

    /// <summary>The slim files' spelling (<c>two_point_conversion</c>).</summary>
    public static string Name(this PlayType type) =>
        type switch
        {
            PlayType.TwoPointConversion => "two_point_conversion",
            _ => type.ToString().ToLowerInvariant(),
        };

    /// <summary>Whether the workflow forecasts this play (pass and run plays).</summary>
    public static bool IsScrimmage(this PlayType type) => type is PlayType.Pass or PlayType.Rush;
}
