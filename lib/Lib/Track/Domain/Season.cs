namespace Lib.Track.Domain;

/// <summary>The three collegiate seasons TFRRS keeps apart.</summary>
public enum Season
{
    /// <summary>Indoor track and field (December to mid-March).</summary>
    Indoor,

    /// <summary>Outdoor track and field (mid-March to the summer).</summary>
    Outdoor,

    /// <summary>Cross country (autumn).</summary>
    CrossCountry,
}

/// <summary>A set of seasons: where an event is contested.</summary>
[Flags]
public enum Seasons
{
    /// <summary>No season.</summary>
    None = 0,

    /// <summary>Indoor track.</summary>
    Indoor = 1,

    /// <summary>Outdoor track.</summary>
    Outdoor = 2,

    /// <summary>Cross country.</summary>
    CrossCountry = 4,

    /// <summary>Indoor and outdoor track.</summary>
    Track = Indoor | Outdoor,
}

/// <summary>Names and conversions for <see cref="Season"/>.</summary>
public static class SeasonNames
{
    /// <summary>The lower-case code written to tables: <c>indoor</c>, <c>outdoor</c>, <c>xc</c>.</summary>
    public static string Code(this Season season) =>
        season switch
        {
            Season.Indoor => "indoor",
            Season.Outdoor => "outdoor",
            _ => "xc",
        };

    /// <summary>The one-season set for <paramref name="season"/>.</summary>
    public static Seasons AsSet(this Season season) =>
        season switch
        {
            Season.Indoor => Seasons.Indoor,
            Season.Outdoor => Seasons.Outdoor,
            _ => Seasons.CrossCountry,
        };

    /// <summary>The single season of <paramref name="set"/>, or null when it holds none or several.</summary>
    public static Season? Single(this Seasons set) =>
        set switch
        {
            Seasons.Indoor => Season.Indoor,
            Seasons.Outdoor => Season.Outdoor,
            Seasons.CrossCountry => Season.CrossCountry,
            _ => null,
        };

    /// <summary>
    /// Reads a season from free text such as a page title, a table's CSS class or an event-history
    /// heading: <c>indoor</c>, <c>outdoor</c>/<c>outdoors</c>, <c>xc</c> or <c>cross country</c>
    /// (any case, as a whole word). Null when no season word, or words of two seasons, appear.
    /// </summary>
    public static Season? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var found = Seasons.None;
        foreach (var word in System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z]+"))
        {
            found |= word switch
            {
                "indoor" or "indoors" => Seasons.Indoor,
                "outdoor" or "outdoors" => Seasons.Outdoor,
                "xc" => Seasons.CrossCountry,
                _ => Seasons.None,
            };
        }
        if (text.Contains("cross country", StringComparison.OrdinalIgnoreCase))
            found |= Seasons.CrossCountry;
        return found.Single();
    }
}
