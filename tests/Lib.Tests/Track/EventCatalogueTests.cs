using Lib.Track.Domain;

namespace Lib.Tests.Track;

public class EventCatalogueTests
{
    [Theory]
    [InlineData("100 Meters", "100")]
    [InlineData("100", "100")]
    [InlineData("100m", "100")]
    [InlineData("100 Meters (Men)", "100")]
    [InlineData("60 Meters (Indoor)", "60")]
    [InlineData("10,000 Meters (Women)", "10000")]
    [InlineData("10,000", "10000")]
    [InlineData("10000", "10000")]
    [InlineData("110H", "110H")]
    [InlineData("110 Hurdles", "110H")]
    [InlineData("60 Hurdles", "60H")]
    [InlineData("400mH", "400H")]
    [InlineData("3000S", "3000SC")]
    [InlineData("3000SC", "3000SC")]
    [InlineData("3000 Steeplechase (Men)", "3000SC")]
    [InlineData("Steeple", "3000SC")]
    [InlineData("2000S", "2000SC")]
    [InlineData("Mile", "MILE")]
    [InlineData("Mile (Indoor)", "MILE")]
    [InlineData("4x100", "4X100")]
    [InlineData("4 x 400 Relay (Women)", "4X400")]
    [InlineData("4X800", "4X800")]
    [InlineData("DMR", "DMR")]
    [InlineData("Distance Medley Relay", "DMR")]
    [InlineData("1600SMR", "SMR1600")]
    [InlineData("HJ", "HJ")]
    [InlineData("High Jump (Men)", "HJ")]
    [InlineData("Weight Throw", "WT")]
    [InlineData("Javelin", "JT")]
    [InlineData("Hep", "HEP")]
    [InlineData("Heptathlon (Women)", "HEP")]
    [InlineData("Dec", "DEC")]
    [InlineData("Pent", "PENT")]
    [InlineData("8k", "8K")]
    [InlineData("8K", "8K")]
    [InlineData("5k (XC)", "5K")]
    [InlineData("6.2k", "6.2K")]
    [InlineData("4M", "4MI")]
    [InlineData("4.97 Mile", "4.97MI")]
    [InlineData("600 yd", "600Y")]
    public void Spellings_resolve_to_one_code(string spelling, string code) => Assert.Equal(code, EventCatalogue.Get(spelling).Code);

    [Theory]
    [InlineData("2023")]
    [InlineData("DNS")]
    [InlineData("4x4")]
    [InlineData("Frisbee")]
    [InlineData("")]
    [InlineData("150 Meters")]
    public void Unknown_spellings_are_unknown_not_guessed(string spelling)
    {
        Assert.Null(EventCatalogue.Find(spelling));
        if (spelling.Length > 0) Assert.Contains($"'{spelling}'", Assert.Throws<KeyNotFoundException>(() => EventCatalogue.Get(spelling)).Message);
    }

    [Fact]
    public void Events_carry_direction_unit_and_family()
    {
        var hundred = EventCatalogue.Get("100");
        Assert.Equal((EventFamily.Sprint, EventDirection.LowerIsBetter, MarkUnit.Seconds, 100.0), (hundred.Family, hundred.Direction, hundred.Unit, hundred.DistanceMetres));
        Assert.True(hundred.IsBetter(9.9, 10.0));
        var jump = EventCatalogue.Get("LJ");
        Assert.Equal((EventFamily.Jump, EventDirection.HigherIsBetter, MarkUnit.Metres), (jump.Family, jump.Direction, jump.Unit));
        Assert.True(jump.IsBetter(8.1, 7.9));
        Assert.Equal((EventFamily.Multi, MarkUnit.Points), (EventCatalogue.Get("Dec").Family, EventCatalogue.Get("Dec").Unit));
        Assert.Equal(EventFamily.Steeplechase, EventCatalogue.Get("3000S").Family);
        Assert.Equal(EventFamily.Relay, EventCatalogue.Get("DMR").Family);
        Assert.Equal(EventFamily.CrossCountry, EventCatalogue.Get("8k").Family);
        Assert.Equal(8000, EventCatalogue.Get("8k").DistanceMetres);
        Assert.Equal(EventFamily.MiddleDistance, EventCatalogue.Get("Mile").Family);
        Assert.Equal(EventFamily.LongDistance, EventCatalogue.Get("5000").Family);
        Assert.Equal(EventFamily.Hurdles, EventCatalogue.Get("400H").Family);
        Assert.Equal("10,000 Meters", EventCatalogue.Get("10000").Name);
    }

    [Fact]
    public void Every_standard_code_resolves_to_itself_and_its_name_to_it()
    {
        foreach (var ev in EventCatalogue.Standard)
        {
            Assert.Same(ev, EventCatalogue.Get(ev.Code));
            Assert.Same(ev, EventCatalogue.Get(ev.Name));
            Assert.Equal(ev.Unit == MarkUnit.Seconds, ev.Direction == EventDirection.LowerIsBetter);
        }
        Assert.Equal(EventCatalogue.Standard.Count, EventCatalogue.Standard.Select(e => e.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("60", null, Season.Indoor)]
    [InlineData("3000SC", null, Season.Outdoor)]
    [InlineData("8k", null, Season.CrossCountry)]
    [InlineData("200", "2024-02-10", Season.Indoor)]
    [InlineData("200", "2024-03-09", Season.Indoor)]
    [InlineData("200", "2024-03-29", Season.Outdoor)]
    [InlineData("200", "2021-12-04", Season.Indoor)]
    [InlineData("LJ", "2022-05-07", Season.Outdoor)]
    [InlineData("200", null, null)]
    public void Seasons_follow_the_event_then_the_date(string ev, string? date, Season? season) =>
        Assert.Equal(season, SeasonInference.Infer(EventCatalogue.Get(ev), date is null ? null : DateOnly.Parse(date)));

    [Fact]
    public void A_page_season_comes_from_events_held_in_one_season_only()
    {
        Assert.Equal(Season.Outdoor, SeasonInference.FromEvents(new[] { "100", "200", "HT" }.Select(EventCatalogue.Get)));
        Assert.Null(SeasonInference.FromEvents(new[] { "200", "LJ" }.Select(EventCatalogue.Get)));
        Assert.Null(SeasonInference.FromEvents(new[] { "60", "100" }.Select(EventCatalogue.Get)));
    }

    [Theory]
    [InlineData("2019 NCAA Division I Outdoor Qualifying (FINAL)", Season.Outdoor)]
    [InlineData("2021 Cross Country", Season.CrossCountry)]
    [InlineData("2021-22 Indoor", Season.Indoor)]
    [InlineData("table table-hover xc", Season.CrossCountry)]
    [InlineData("2022 Outdoors", Season.Outdoor)]
    [InlineData("2024 NCAA Division I Rankings (FINAL)", null)]
    [InlineData("Indoor and Outdoor", null)]
    public void Season_words_are_read_from_text(string text, Season? season) => Assert.Equal(season, SeasonNames.FromText(text));
}
