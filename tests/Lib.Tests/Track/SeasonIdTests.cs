using Lib.Track.Domain;

namespace Lib.Tests.Track;

public class SeasonIdTests
{
    [Theory]
    [InlineData(Season.Indoor, "2025-12-06", "2026 Indoor")]
    [InlineData(Season.Indoor, "2026-03-13", "2026 Indoor")]
    [InlineData(Season.Outdoor, "2026-05-11", "2026 Outdoor")]
    [InlineData(Season.CrossCountry, "2025-09-05", "2025 XC")]
    [InlineData(Season.CrossCountry, "2026-01-10", "2025 XC")]
    public void A_date_falls_in_the_season_TFRRS_names(Season label, string date, string expected) =>
        Assert.Equal(expected, SeasonId.Of(label, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Seasons_sort_in_time_and_parse_back()
    {
        var seasons = new[] { "2026 Outdoor", "2025 XC", "2025 Outdoor", "2026 Indoor", "2025 Indoor", "2026 XC" }.Select(SeasonId.Parse).ToList();
        Assert.Equal(["2025 Indoor", "2025 Outdoor", "2025 XC", "2026 Indoor", "2026 Outdoor", "2026 XC"], seasons.Order().Select(s => s.ToString()));
        Assert.Equal(new SeasonId(Season.CrossCountry, 2025), SeasonId.Parse("2025 cross country"));
        Assert.Equal(new DateOnly(2025, 11, 1), SeasonId.Parse("2026 Indoor").Start);
        Assert.Contains("'2026 Summer' is not a season", Assert.Throws<FormatException>(() => SeasonId.Parse("2026 Summer")).Message);
    }
}
