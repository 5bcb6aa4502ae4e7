using System.Text.RegularExpressions;
using Lib.Track.Domain;
using Lib.Track.Scrape;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>The three saved athlete pages: every result, best and history row accounted for.</summary>
public class AthletePageParserTests
{
    public static TheoryData<string, string, int, int> Pages => new()
    {
        // file, TFRRS address, meet-result rows, event-history rows (counted from the markup below, not by the parser)
        { "hermes_sprinter.html", "https://www.tfrrs.org/athletes/7983217/Moravian/Trevor_Gray.html", 41, 33 },
        { "hermes_sprint_jumper.html", "https://www.tfrrs.org/athletes/7983219/Moravian/Owen_Sabastro.html", 24, 19 },
        { "hermes_distance.html", "https://www.tfrrs.org/athletes/6873033/Moravian/Shane__Houghton.html", 71, 63 },
    };

    private static string Html(string file) => File.ReadAllText(Path.Combine(RepoPaths.TfrrsHtml, "athlete_pages", file));

    /// <summary>Data rows (<c>&lt;tr &gt;</c> or <c>&lt;tr class</c>; headers are a bare <c>&lt;tr&gt;</c>) between two section ids.</summary>
    private static int CountRows(string html, string from, string to)
    {
        var start = html.IndexOf($"id=\"{from}\"", StringComparison.Ordinal);
        var end = html.IndexOf($"id=\"{to}\"", start, StringComparison.Ordinal);
        return Regex.Matches(html[start..end], @"<tr (?:>|class)").Count;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_row_is_parsed_none_lost_or_invented(string file, string url, int results, int history)
    {
        var html = Html(file);
        Assert.Equal(results, CountRows(html, "meet-results", "event-history"));
        Assert.Equal(history, CountRows(html, "event-history", "session-history"));

        var page = AthletePageParser.Parse(url, html);
        Assert.Empty(page.Skipped);
        Assert.Equal(results, page.Results.Count);
        Assert.Equal(history, page.EventHistory.Count);
        Assert.Equal(Enumerable.Range(1, results), page.Results.Select(r => r.Line));
        Assert.All(page.Results, r => Assert.Equal((Gender.Men, "MORAVIAN", url, "athlete"), (r.Gender, r.Team, r.File, r.SourceKind)));
        Assert.All(page.Results, r => Assert.NotNull(r.Season));
        Assert.All(page.Results, r => Assert.NotNull(r.Date));

        // Every history row and every best is one of the meet results (same result page and mark).
        var keys = page.Results.Select(r => (r.ResultUrl, r.Mark.Text)).ToHashSet();
        Assert.All(page.EventHistory, h => Assert.Contains((h.ResultUrl, h.Mark.Text), keys));
        Assert.All(page.PersonalBests, b => Assert.Contains((b.ResultUrl, b.Mark.Text), keys));
        // History lists the individual results, but not an event (and season) with no valid mark at all (a lone 10,000 m DNF).
        var marked = page.Results.Where(r => r.Mark.IsValid).Select(r => (r.Event.Code, r.Season)).ToHashSet();
        Assert.Equal(page.Results.Count(r => !r.Event.IsRelay && marked.Contains((r.Event.Code, r.Season))), page.EventHistory.Count);
        // One best per individual event and season raced.
        Assert.Equal(page.Results.Where(r => !r.Event.IsRelay && r.Mark.IsValid).Select(r => (r.Event.Code, r.Season!.Value)).ToHashSet(),
            page.PersonalBests.Select(b => (b.Event.Code, b.Season)).ToHashSet());
    }

    [Fact]
    public void The_sprinter_page_reads_places_rounds_winds_and_flags()
    {
        var page = AthletePageParser.Parse(Pages.First()[1].ToString()!, Html("hermes_sprinter.html"));
        Assert.Equal(("TREVOR GRAY", 7983217L, "FR-1"), (page.Name, page.AthleteId!.Value, page.ClassYear!.Value.Text));
        var first = page.Results[0];
        Assert.Equal(("100", "11.12", 0.9, 24, Round.Prelim), (first.Event.Code, first.Mark.Text, first.Wind!.Value.Value!.Value, first.Place!.Value, first.Round!.Value));
        Assert.Equal(("AARTFC Outdoor Track & Field Championships", 74909L, new DateOnly(2022, 5, 18), "May 18-19, 2022", Season.Outdoor),
            (first.Meet, first.MeetId!.Value, first.Date!.Value, first.DateText, first.Season!.Value));
        Assert.Equal("https://www.tfrrs.org/results/74909/4562854/AARTFC_Outdoor_Track_&_Field_Championships/100/", first.ResultUrl);
        Assert.Null(first.ClassYear); // the heading's class is today's, not the class at the meet

        var dq = Assert.Single(page.Results, r => r.Mark.Status == MarkStatus.Disqualified);
        Assert.Equal(("4X100", (int?)null, (Round?)null), (dq.Event.Code, dq.Place, dq.Round));
        Assert.Equal(4, page.Results.Count(r => r.Mark.Flags.HasFlag(MarkFlags.WindAided)));
        Assert.Contains(page.Results, r => r.Event.Code == "60" && r.Season == Season.Indoor);

        Assert.Equal(["60", "200", "100", "200"], page.PersonalBests.Select(b => b.Event.Code));
        Assert.Equal([Season.Indoor, Season.Indoor, Season.Outdoor, Season.Outdoor], page.PersonalBests.Select(b => b.Season));
        Assert.Equal("11.10", page.PersonalBests[2].Mark.Text);
    }

    [Fact]
    public void Jumps_carry_their_conversion_and_wind()
    {
        var page = AthletePageParser.Parse("https://www.tfrrs.org/athletes/7983219/Moravian/Owen_Sabastro.html", Html("hermes_sprint_jumper.html"));
        var jumps = page.Results.Where(r => r.Event.Code == "LJ").ToList();
        Assert.Equal(6, jumps.Count);
        Assert.Equal(("5.57m", 5.57, "18' 3.25\"", 1.1), (jumps[0].Mark.Text, jumps[0].Mark.Value!.Value, jumps[0].MarkConverted, jumps[0].Wind!.Value.Value!.Value));
        var aided = Assert.Single(jumps, j => j.Mark.Flags.HasFlag(MarkFlags.WindAided));
        Assert.Equal(("5.65mw", 3.0), (aided.Mark.Text, aided.Wind!.Value.Value!.Value));
        Assert.All(jumps, j => Assert.NotNull(j.MarkConverted));
        Assert.Contains(page.PersonalBests, b => b.Event.Code == "LJ" && b.Season == Season.Indoor && b.Mark.Text == "6.17m" && b.MarkConverted == "20' 3\"");
    }

    [Fact]
    public void Cross_country_results_have_places_without_rounds()
    {
        var page = AthletePageParser.Parse("https://www.tfrrs.org/athletes/6873033/Moravian/Shane__Houghton.html", Html("hermes_distance.html"));
        Assert.Equal("SHANE HOUGHTON", page.Name);
        var xc = page.Results.Where(r => r.Season == Season.CrossCountry).ToList();
        Assert.Equal(21, xc.Count);
        Assert.All(xc, r => Assert.Equal(EventFamily.CrossCountry, r.Event.Family));
        Assert.All(xc, r => Assert.Null(r.Round));
        var nationals = xc.First(r => r.Meet == "NCAA Division III Cross Country Championships");
        Assert.Equal(("8K", "25:33.0", 1533.0, 204, 19297L), (nationals.Event.Code, nationals.Mark.Text, nationals.Mark.Value!.Value, nationals.Place!.Value, nationals.MeetId!.Value));
        Assert.Equal(2, page.Results.Count(r => r.Mark.Status == MarkStatus.DidNotFinish));
        Assert.Contains(page.Results, r => r.Event.Code == "3000SC" && r.Season == Season.Outdoor);
        Assert.Contains(page.Results, r => r.Event.Code == "DMR" && r.Season == Season.Indoor);
        Assert.Contains(page.Results, r => r.Event.Code == "10000" && r.Mark.Status == MarkStatus.DidNotFinish);
    }

    [Fact]
    public void A_row_that_cannot_be_understood_is_reported_with_its_place_and_reason()
    {
        var html = Html("hermes_sprinter.html").Replace(">11.24</A>", ">11.2.4</A>").Replace("\n4x200\n", "\nSack Race\n");
        var page = AthletePageParser.Parse("https://www.tfrrs.org/athletes/7983217/Moravian/Trevor_Gray.html", html);
        Assert.Equal(41, page.Results.Count + page.Skipped.Count(s => s.Location.StartsWith("meet results", StringComparison.Ordinal)));
        Assert.Contains(page.Skipped, s => s.Location == "meet results, Landmark Conference Outdoor Track & Field Championships 2022, row 1" && s.Reason.Contains("'11.2.4'"));
        Assert.Contains(page.Skipped, s => s.Reason == "the event 'Sack Race' is not in the event catalogue" && s.Text.StartsWith("Sack Race", StringComparison.Ordinal));
        Assert.All(page.Skipped, s => Assert.Equal("https://www.tfrrs.org/athletes/7983217/Moravian/Trevor_Gray.html", s.Source));
    }

    [Fact]
    public void A_round_without_a_place_and_marks_with_markers_are_kept()
    {
        // Issue 19's held-out athlete page printed "(F)" alone in the place column and marks such as "23.23%": the
        // saved page with those cells edited in.
        var html = Html("hermes_sprinter.html")
            .Replace("24th&nbsp;\n(P)", "(F)")
            .Replace(">11.12</A>", ">11.12%</A>")
            .Replace(">42.53</A>", ">42.53 @(1)</A>");
        var url = "https://www.tfrrs.org/athletes/7983217/Moravian/Trevor_Gray.html";
        var page = AthletePageParser.Parse(url, html);
        Assert.Equal(41, page.Results.Count);
        Assert.DoesNotContain(page.Skipped, s => s.Location.StartsWith("meet results", StringComparison.Ordinal));
        var final = Assert.Single(page.Results, r => r.Mark.Text == "11.12%");
        Assert.Null(final.Place);
        Assert.Equal(Round.Final, final.Round);
        Assert.Equal(11.12, final.Mark.Value!.Value, 9);
        Assert.Equal(MarkFlags.Percent, final.Mark.Flags);
        Assert.Equal(0.9, final.Wind!.Value.Value!.Value, 9);
        var relay = Assert.Single(page.Results, r => r.Mark.Text == "42.53 @(1)");
        Assert.Equal(MarkFlags.Converted | MarkFlags.Footnote, relay.Mark.Flags);
        Assert.Equal(9, relay.Place);
    }
}
