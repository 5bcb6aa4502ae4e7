using Lib.Track.Domain;
using Lib.Track.Scrape;

namespace Lib.Tests.Track;

/// <summary>The small fields of scraped rows: dates, classes, rounds, ids in addresses.</summary>
public class ScrapeFieldTests
{
    [Theory]
    [InlineData("Apr 20, 2024", "2024-04-20", "2024-04-20")]
    [InlineData("Apr  9, 2022", "2022-04-09", "2022-04-09")]
    [InlineData("May 18-19, 2022", "2022-05-18", "2022-05-19")]
    [InlineData("Jan 31-Feb 1, 2022", "2022-01-31", "2022-02-01")]
    [InlineData("Dec 30, 2021-Jan 2, 2022", "2021-12-30", "2022-01-02")]
    [InlineData("Sept 4, 2021", "2021-09-04", "2021-09-04")]
    public void Meet_dates_give_the_first_and_last_day(string text, string first, string last)
    {
        Assert.True(MeetDate.TryParse(text, out var a, out var b, out var error), error);
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (a, b));
    }

    [Theory]
    [InlineData("2024-04-20")]
    [InlineData("Feb 30, 2024")]
    [InlineData("May 19-18, 2022")]
    [InlineData("Spring 2024")]
    [InlineData("")]
    public void Other_dates_are_refused(string text)
    {
        Assert.False(MeetDate.TryParse(text, out _, out _, out var error));
        Assert.Contains($"'{text}'", error);
    }

    [Theory]
    [InlineData("FR-1", 1)]
    [InlineData("SO-2", 2)]
    [InlineData("JR-3", 3)]
    [InlineData("SR-4", 4)]
    [InlineData("SR", 4)]
    [InlineData("GR", 5)]
    public void Class_years_have_a_level(string text, int level) => Assert.Equal((text, level), (ClassYear.Parse(text).Text, ClassYear.Parse(text).Level));

    [Theory]
    [InlineData("Senior")]
    [InlineData("FR-9")]
    [InlineData("2024")]
    public void Other_classes_are_refused(string text) => Assert.Throws<FormatException>(() => ClassYear.Parse(text));

    [Fact]
    public void Ids_come_from_tfrrs_addresses()
    {
        Assert.Equal(8339841, TfrrsLinks.AthleteId("https://tf.tfrrs.org/athletes/8339841/Tennessee/T'Mars_McCallum"));
        Assert.Equal(6873033, TfrrsLinks.AthleteId("/athletes/6873033/Moravian/Shane__Houghton.html"));
        Assert.Null(TfrrsLinks.AthleteId("https://tf.tfrrs.org/teams/tf/TN_college_m_Tennessee.html"));
        Assert.Equal(85539, TfrrsLinks.MeetId("https://tf.tfrrs.org/results/85539/5220031/USC_Outdoor_Open/100-Meters"));
        Assert.Equal(19297, TfrrsLinks.MeetId("//www.tfrrs.org/results/xc/19297/NCAA_Division_III_Cross_Country_Championships"));
        Assert.Equal(Gender.Women, TfrrsLinks.TeamGender("https://tf.tfrrs.org/teams/tf/CO_college_f_Colorado_State.html"));
        Assert.Equal(Gender.Men, TfrrsLinks.TeamGender("//www.tfrrs.org/teams/PA_college_m_Moravian.html"));
    }

    [Fact]
    public void Codes_round_trip()
    {
        foreach (var round in Enum.GetValues<Round>()) Assert.Equal(round, RoundCodes.FromCode(round.Code()));
        Assert.Null(RoundCodes.FromCode("H"));
        foreach (var gender in Enum.GetValues<Gender>()) Assert.Equal(gender, GenderCodes.FromText(gender.Code() == "F" ? "f" : gender.Code()));
        Assert.Equal(Gender.Women, GenderCodes.FromText("Women's"));
    }
}
