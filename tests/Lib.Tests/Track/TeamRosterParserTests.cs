using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Lib.Track.Domain;
using Lib.Track.Scrape;

namespace Lib.Tests.Track;

public class TeamRosterParserTests
{
    private static string Html(string file) => File.ReadAllText(Path.Combine(RepoPaths.TfrrsHtml, file));

    [Theory]
    [InlineData("team_pages/hermes_moravian_outdoor_2022.html", "https://www.tfrrs.org/teams/tf/PA_college_m_Moravian.html?config_hnd=255", 38, "TRACK & FIELD", "2022 Outdoor")]
    [InlineData("team_pages/hermes_main_moravian.html", "https://www.tfrrs.org/teams/xc/PA_college_m_Moravian.html?config_hnd=266", 18, "CROSS COUNTRY", "2022 Cross Country")]
    public void Rosters_list_every_athlete_with_id_and_class(string file, string url, int athletes, string sport, string season)
    {
        var html = Html(file);
        var rosterHtml = html[html.IndexOf(">ROSTER<", StringComparison.Ordinal)..];
        rosterHtml = rosterHtml[..rosterHtml.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(athletes, Regex.Matches(rosterHtml, "href=\"/athletes/").Count); // counted from the markup

        var roster = TeamRosterParser.Parse(url, html);
        Assert.Empty(roster.Skipped);
        Assert.Equal(athletes, roster.Athletes.Count);
        Assert.Equal(("MORAVIAN", Gender.Men, sport, season), (roster.Team, roster.Gender, roster.Sport, roster.SeasonLabel));
        Assert.All(roster.Athletes, a => Assert.StartsWith($"https://www.tfrrs.org/athletes/{a.AthleteId}/Moravian/", a.Url));
        Assert.All(roster.Athletes, a => Assert.NotNull(a.ClassYear));
        Assert.Equal(athletes, roster.Athletes.Select(a => a.AthleteId).Distinct().Count());
    }

    [Fact]
    public void The_roster_links_the_bundled_athlete_pages()
    {
        var roster = TeamRosterParser.Parse("https://www.tfrrs.org/teams/tf/PA_college_m_Moravian.html?config_hnd=255", Html("team_pages/hermes_moravian_outdoor_2022.html"));
        Assert.Contains(roster.Athletes, a => a is { Name: "Gray, Trevor", AthleteId: 7983217 } && a.ClassYear!.Value.Text == "FR-1");
        Assert.Contains(roster.Athletes, a => a.AthleteId == 7983219 && a.Url == "https://www.tfrrs.org/athletes/7983219/Moravian/Owen_Sabastro.html");
        Assert.Contains(roster.Athletes, a => a.AthleteId == 6873033);
    }

    [Theory]
    [InlineData("performance_lists/tfrrs_2024_ncaa_d1_outdoor_rankings_final.html", PageKind.PerformanceList)]
    [InlineData("performance_lists/printable_MIACOutdoor2024.html", PageKind.PerformanceList)]
    [InlineData("performance_lists_legacy/ahearn_2019d1out1001.html", PageKind.PerformanceList)]
    [InlineData("athlete_pages/hermes_distance.html", PageKind.Athlete)]
    [InlineData("team_pages/hermes_main_moravian.html", PageKind.Team)]
    public void Page_kinds_are_recognised_from_the_markup(string file, PageKind kind) =>
        Assert.Equal(kind, PageKinds.Detect(new HtmlParser().ParseDocument(Html(file))));

    [Fact]
    public void Other_pages_are_unknown() => Assert.Equal(PageKind.Unknown, PageKinds.Detect(new HtmlParser().ParseDocument("<html><body><h1>Meet results</h1></body></html>")));
}
