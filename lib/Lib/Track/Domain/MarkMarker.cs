namespace Lib.Track.Domain;

/// <summary>
/// One marker TFRRS prints beside a mark: a symbol (<c>@</c>, <c>#</c>, <c>%</c>, <c>*</c>), a parenthesised race
/// distance (<c>(55)</c>) or footnote (<c>(1)</c>), or one the parser does not know (kept by its text). The wind and
/// hand-timing letters are <see cref="MarkFlags"/>, not markers.
/// </summary>
/// <param name="Text">The marker as printed: <c>@</c>, <c>(55)</c>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Number">The metres of a race distance or the footnote's number; else null.</param>
public readonly record struct MarkMarker(string Text, MarkerKind Kind, int? Number = null)
{
    /// <summary>The shortest distance (metres) a parenthesised number is read as a race distance; smaller numbers are
    /// footnotes.</summary>
    public const int ShortestRaceDistance = 40;

    /// <summary>The flag that records this marker on a <see cref="Mark"/>.</summary>
    public MarkFlags Flag =>
        Kind switch
        {
            MarkerKind.Converted => MarkFlags.Converted,
            MarkerKind.Hash => MarkFlags.Hash,
            MarkerKind.Percent => MarkFlags.Percent,
            MarkerKind.Asterisk => MarkFlags.Asterisk,
            MarkerKind.RaceDistance => MarkFlags.RaceDistance,
            MarkerKind.Footnote => MarkFlags.Footnote,
            _ => MarkFlags.UnknownMarker,
        };

    /// <summary>What the marker means, as far as TFRRS states it.</summary>
    public string Meaning =>
        Kind switch
        {
            MarkerKind.Converted => "converted (the cell's title says from what and why, e.g. altitude)",
            MarkerKind.RaceDistance => $"run over {Number} m, not the event's distance",
            MarkerKind.Footnote => $"footnote {Number} of the page",
            MarkerKind.Unknown => $"'{Text}': a marker the parser does not know",
            _ => $"'{Text}': a TFRRS marker whose meaning the saved pages do not state",
        };

    /// <summary>The marker a symbol stands for: a known kind, else <see cref="MarkerKind.Unknown"/>.</summary>
    public static MarkMarker Symbol(char symbol) =>
        symbol switch
        {
            '@' => new("@", MarkerKind.Converted),
            '#' => new("#", MarkerKind.Hash),
            '%' => new("%", MarkerKind.Percent),
            '*' => new("*", MarkerKind.Asterisk),
            _ => new(symbol.ToString(), MarkerKind.Unknown),
        };

    /// <summary>A parenthesised whole number: a race distance from <see cref="ShortestRaceDistance"/> metres up, else
    /// a footnote.</summary>
    public static MarkMarker Parenthesised(int number) =>
        number >= ShortestRaceDistance
            ? new($"({number})", MarkerKind.RaceDistance, number)
            : new($"({number})", MarkerKind.Footnote, number);

    /// <inheritdoc />
    public override string ToString() => Text;
}
