namespace Lib.Track.Domain;

/// <summary>The round of a race or flight, as athlete pages print it after the place: <c>(F)</c>, <c>(P)</c>,
/// <c>(S)</c>.</summary>
public enum Round
{
    /// <summary><c>(F)</c>: final (or the only round).</summary>
    Final,

    /// <summary><c>(P)</c>: preliminary round.</summary>
    Prelim,

    /// <summary><c>(S)</c>: semi-final.</summary>
    Semi,
}

/// <summary>Codes of <see cref="Round"/>.</summary>
public static class RoundCodes
{
    /// <summary>The letter TFRRS prints: <c>F</c>, <c>P</c>, <c>S</c>.</summary>
    public static string Code(this Round round) =>
        round switch
        {
            Round.Final => "F",
            Round.Prelim => "P",
            _ => "S",
        };

    /// <summary>The round a letter stands for; null for any other text.</summary>
    public static Round? FromCode(string code) =>
        code.Trim().ToUpperInvariant() switch
        {
            "F" => Round.Final,
            "P" => Round.Prelim,
            "S" => Round.Semi,
            _ => null,
        };
}
