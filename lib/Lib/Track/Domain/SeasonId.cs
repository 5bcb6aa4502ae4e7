using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lib.Track.Domain;

/// <summary>
/// One season of the calendar, named the way TFRRS names them: <c>2026 Indoor</c> (December 2025 to March 2026),
/// <c>2026 Outdoor</c> (spring and summer 2026), <c>2025 XC</c> (autumn 2025). <see cref="Order"/> sorts seasons
/// in time: 2025 XC, 2026 Indoor, 2026 Outdoor, 2026 XC…
/// </summary>
/// <param name="Label">Indoor, outdoor or cross country.</param>
/// <param name="Year">The season's year: indoor seasons take the year they end in, cross country the autumn's.</param>
public readonly record struct SeasonId(Season Label, int Year) : IComparable<SeasonId>
{
    /// <summary>
    /// A sortable number: the academic year (which a cross-country autumn opens) times three, plus 0 for cross
    /// country, 1 indoor, 2 outdoor.
    /// </summary>
    public int Order =>
        Label switch
        {
            Season.CrossCountry => (Year + 1) * 3,
            Season.Indoor => Year * 3 + 1,
            _ => Year * 3 + 2,
        };

    /// <summary>The season of <paramref name="label"/> that <paramref name="date"/> belongs to: an indoor meet from
    /// July on counts for the next year's indoor season, a cross-country meet before July for the previous
    /// autumn's.</summary>
    public static SeasonId Of(Season label, DateOnly date) =>
        label switch
        {
            Season.Indoor => new(label, date.Month >= 7 ? date.Year + 1 : date.Year),
            Season.CrossCountry => new(label, date.Month >= 7 ? date.Year : date.Year - 1),
            _ => new(label, date.Year),
        };

    /// <summary>The nominal first day: 1 November of the year before for indoor, 16 March for outdoor, 1 August for
    /// cross country.</summary>
    public DateOnly Start =>
        Label switch
        {
            Season.Indoor => new DateOnly(Year - 1, 11, 1),
            Season.Outdoor => new DateOnly(Year, 3, 16),
            _ => new DateOnly(Year, 8, 1),
        };

    /// <summary>The label as people write it: <c>Indoor</c>, <c>Outdoor</c>, <c>XC</c>.</summary>
    public static string LabelName(Season label) =>
        label switch
        {
            Season.Indoor => "Indoor",
            Season.Outdoor => "Outdoor",
            _ => "XC",
        };

    /// <summary>Reads <c>2026 Outdoor</c>, <c>2026 indoor</c>, <c>2025 XC</c> or <c>2025 Cross Country</c>.</summary>
    public static bool TryParse(string? text, out SeasonId season)
    {
        season = default;
        var parts = (text ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (
            parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1900 or > 2200
        )
            return false;
        if (SeasonNames.FromText(parts[1]) is not { } label)
            return false;
        season = new SeasonId(label, year);
        return true;
    }

    /// <summary>Reads a season name; <see cref="FormatException"/> saying what was expected.</summary>
    public static SeasonId Parse(string text) =>
        TryParse(text, out var season)
            ? season
            : throw new FormatException(
                $"'{text}' is not a season such as '2026 Outdoor', '2026 Indoor' or '2025 XC'."
            );

    /// <inheritdoc />
    public int CompareTo(SeasonId other) => Order.CompareTo(other.Order);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year} {LabelName(Label)}");

    /// <summary>The season a label names (<c>indoor</c>, <c>Outdoor</c>, <c>xc</c>, <c>cross country</c>); false when
    /// it names none.</summary>
    public static bool TryParseLabel(string? text, [NotNullWhen(true)] out Season? label)
    {
        label = SeasonNames.FromText(text);
        return label is not null;
    }
}
