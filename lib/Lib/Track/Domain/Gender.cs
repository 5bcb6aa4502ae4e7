namespace Lib.Track.Domain;

/// <summary>The competition a mark belongs to.</summary>
public enum Gender
{
    /// <summary>Men's events (<c>M</c>).</summary>
    Men,

    /// <summary>Women's events (<c>F</c>).</summary>
    Women,

    /// <summary>Mixed relays (<c>X</c>).</summary>
    Mixed,
}

/// <summary>Codes and spellings of <see cref="Gender"/>.</summary>
public static class GenderCodes
{
    /// <summary>The one-letter code written to tables: <c>M</c>, <c>F</c>, <c>X</c>.</summary>
    public static string Code(this Gender gender) =>
        gender switch
        {
            Gender.Men => "M",
            Gender.Women => "F",
            _ => "X",
        };

    /// <summary>
    /// Reads TFRRS's spellings: <c>Men</c>/<c>Women</c>/<c>Mixed</c> (and <c>Men's</c>…), the codes
    /// <c>m</c>/<c>f</c>/<c>x</c> of CSS classes and team addresses, <c>M</c>/<c>F</c>. Null for anything else.
    /// </summary>
    public static Gender? FromText(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "m" or "men" or "men's" or "mens" or "male" => Gender.Men,
            "f" or "w" or "women" or "women's" or "womens" or "female" => Gender.Women,
            "x" or "mixed" => Gender.Mixed,
            _ => null,
        };
}
