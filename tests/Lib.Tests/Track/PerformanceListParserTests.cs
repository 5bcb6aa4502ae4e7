using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Storage;
using Lib.Track;
using Lib.Track.Domain;
using Lib.Track.Scrape;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>The three list layouts, on the real saved pages in data/tfrrs/html.</summary>
public class PerformanceListParserTests
{
    private const string Current = "performance_lists/tfrrs_2024_ncaa_d1_outdoor_rankings_final.html";
    private const string Printable = "performance_lists/printable_MIACOutdoor2024.html";
    private const string Legacy = "performance_lists_legacy/ahearn_2019d1out1001.html";

    private static string Html(string file) => File.ReadAllText(Path.Combine(RepoPaths.TfrrsHtml, file));

    private static PerformanceListPage ParseFile(string file) =>
        PerformanceListParser.Parse("https://www.tfrrs.org/saved/" + file, Html(file));

    /// <summary>Data rows counted straight from the markup, independently of the parser.</summary>
    private static int CountRows(string file, string pattern) => Regex.Matches(Html(file), pattern).Count;

    [Fact]
    public void The_2024_list_parses_to_exactly_its_expected_csv()
    {
        var page = ParseFile(Current);
        var expected = CsvFile.ReadTable(Path.Combine(RepoPaths.TfrrsHtml, "performance_lists/tfrrs_2024_ncaa_d1_outdoor_rankings_final.expected.csv")).Select(r => r.Fields).ToList();

        Assert.Equal(ListLayout.Current, page.Layout);
        Assert.Equal("2024 NCAA Division I Rankings (FINAL)", page.Title);
        Assert.Empty(page.Skipped);
        Assert.Equal(42, page.Events);
        Assert.Equal(2123, expected.Count);
        Assert.Equal(expected.Count, page.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = Project(page.Rows[i]);
            foreach (var (column, value) in expected[i])
                Assert.True(value == actual[column], $"row {i + 1} ({expected[i]["event_title"]}, place {expected[i]["place"]}), column {column}: expected '{value}', parsed '{actual[column]}'");
        }
    }

    /// <summary>
    /// A parsed row in the expected file's columns. The file's convention for multis: the score goes in
    /// <c>points</c>, and <c>mark</c> and <c>result_url</c> are left blank.
    /// </summary>
    private static Dictionary<string, string> Project(Performance p)
    {
        var multi = p.Event.Unit == MarkUnit.Points;
        return new()
        {
            ["gender"] = p.Gender.Code(),
            ["event_hnd"] = p.TfrrsEventId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["event_title"] = p.EventTitle ?? "",
            ["place"] = p.Place?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["athlete"] = p.Athlete ?? "",
            ["athlete_id"] = p.AthleteId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["year"] = p.ClassYear?.Text ?? "",
            ["team"] = p.Team ?? "",
            ["mark"] = multi ? "" : p.Mark.Text,
            ["mark_conv"] = p.MarkConverted ?? "",
            ["wind"] = p.Wind?.Text ?? "",
            ["points"] = multi ? p.Mark.Text : "",
            ["meet"] = p.Meet ?? "",
            ["meet_id"] = p.MeetId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["meet_date"] = p.DateText ?? "",
            ["relay_athletes"] = string.Join(", ", p.RelayMembers.Select(m => m.Name)),
            ["result_url"] = multi ? "" : p.ResultUrl ?? "",
        };
    }

    [Fact]
    public void The_2024_list_rows_are_typed()
    {
        var page = ParseFile(Current);
        Assert.Equal(Season.Outdoor, page.Season); // the title does not say; the steeplechase and throws do
        Assert.All(page.Rows, r => Assert.Equal(Season.Outdoor, r.Season));
        var first = page.Rows[0];
        Assert.Equal(("100", Gender.Men, 9.94, 2.0), (first.Event.Code, first.Gender, first.Mark.Value, first.Wind!.Value.Value));
        Assert.Equal((8339841L, 85539L, new DateOnly(2024, 4, 20)), (first.AthleteId!.Value, first.MeetId!.Value, first.Date!.Value));
        Assert.Equal(1, first.ClassYear!.Value.Level);

        var altitude = page.Rows.First(r => r.Mark.Flags.HasFlag(MarkFlags.Converted));
        Assert.Equal("10.03 @", altitude.Mark.Text);
        Assert.Equal(10.03, altitude.Mark.Value);
        Assert.Equal("Converted from 10.00 for Altitude.", altitude.MarkNote);

        var relay = page.Rows.First(r => r.Event.Code == "4X100" && r.Gender == Gender.Men);
        Assert.Null(relay.Athlete);
        Assert.Equal(["Thomas", "Fleming", "Reid", "Oghenebrume"], relay.RelayMembers.Select(m => m.Name));
        Assert.Equal(7989909, relay.RelayMembers[3].AthleteId);

        var jump = page.Rows.First(r => r.Event.Code == "HJ");
        Assert.Equal((2.29, "7' 6\""), (jump.Mark.Value!.Value, jump.MarkConverted));
        var hep = page.Rows.First(r => r.Event.Code == "HEP");
        Assert.Equal((MarkUnit.Points, 6219.0, Gender.Women), (hep.Mark.Unit, hep.Mark.Value!.Value, hep.Gender));

        var ties = page.Rows.Where(r => r.Event.Code == "100" && r.Gender == Gender.Men).GroupBy(r => r.Place).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(ties); // tied places repeat
        Assert.Equal(Enumerable.Range(1, page.Rows.Count), page.Rows.Select(r => r.Line));
    }

    [Fact]
    public void The_printable_list_parses_with_no_row_lost_or_invented()
    {
        var page = ParseFile(Printable);
        Assert.Equal(ListLayout.Printable, page.Layout);
        Assert.Equal("MIAC Outdoor Performance List", page.Title);
        Assert.Equal(Season.Outdoor, page.Season);
        Assert.Empty(page.Skipped);
        Assert.Equal(44, page.Events);
        var trs = CountRows(Printable, @"<tr>\s*<td class=""text-right"">");
        Assert.Equal(1606, trs);
        Assert.Equal(trs, page.Rows.Count);

        Assert.Equal(11, page.Rows.Count(r => r.Wind is { IsNoInformation: true }));
        var relay = page.Rows.First(r => r.Event.Code == "4X100");
        Assert.Equal(["Liu", "Nelson", "McConnell", "Parent"], relay.RelayMembers.Select(m => m.Name));
        Assert.All(page.Rows, r => Assert.Null(r.AthleteId)); // the printable page has no links
        Assert.Equal(41, page.Rows.Count(r => r.Mark.Unit == MarkUnit.Points));
        Assert.Equal(new HashSet<string> { "4X100", "4X400", "4X800" }, page.Rows.Where(r => r.Event.IsRelay).Select(r => r.Event.Code).ToHashSet());
    }

    [Fact]
    public void The_legacy_list_parses_with_no_row_lost_or_invented()
    {
        var page = ParseFile(Legacy);
        Assert.Equal(ListLayout.Legacy, page.Layout);
        Assert.Equal("2019 NCAA Division I Outdoor Qualifying (FINAL)", page.Title);
        Assert.Equal(Season.Outdoor, page.Season);
        Assert.Empty(page.Skipped);
        var trs = CountRows(Legacy, @"<tr class=""filtered allRows");
        Assert.Equal(1697, trs);
        Assert.Equal(trs, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal(("100", Gender.Men), (r.Event.Code, r.Gender)));
        Assert.Equal(6, page.Rows.Count(r => r.ClassYear is null)); // blank YEAR cells stay blank
        Assert.All(page.Rows, r => Assert.NotNull(r.Wind));
        var first = page.Rows[0];
        Assert.Equal(("Oduduru, Divine", "Texas Tech", 9.94, 0.8, new DateOnly(2019, 4, 19)),
            (first.Athlete, first.Team, first.Mark.Value!.Value, first.Wind!.Value.Value!.Value, first.Date!.Value));
        Assert.Equal("The American Outdoor Track & Field Championships", page.Rows[1].Meet); // a raw '&' in the page
    }

    /// <summary>Issue 19's markers, each with the flags it must give.</summary>
    private static readonly (string Marker, MarkFlags Flags)[] Decorations =
    [
        ("%", MarkFlags.Percent),
        ("(55)", MarkFlags.RaceDistance),
        (" @(1)", MarkFlags.Converted | MarkFlags.Footnote),
        (" (1)", MarkFlags.Footnote),
        ("#", MarkFlags.Hash),
        (" *", MarkFlags.Asterisk),
        (" †", MarkFlags.UnknownMarker),
    ];

    [Theory]
    [InlineData(Legacy, @"(<td id=""col4""  >\n)([^<\n]+)(\n</td>)")]
    [InlineData(Current, @"(data-label=""(?:Time|Mark|Points)"">\s*(?:<span title[^>]*>\s*)?<a [^>]*>)([^<]+)(</a>)")]
    public void Every_mark_of_a_real_list_decorated_with_a_marker_is_kept(string file, string markCell)
    {
        // The saved list with every mark given one of the held-out pages' markers in turn: no row is refused, each
        // keeps its value and gets the marker's flag.
        var plain = ParseFile(file);
        var n = 0;
        var html = Regex.Replace(Html(file), markCell, m =>
        {
            var mark = m.Groups[2].Value.Trim();
            var marker = Decorations[n++ % Decorations.Length].Marker;
            if ((mark.Contains('@') || m.Groups[1].Value.Contains("<span title")) && marker.Contains('@'))
                marker = " (2)"; // a second '@' would be refused (the current layout prints it after the link)
            return m.Groups[1].Value + mark + marker + m.Groups[3].Value;
        });
        var page = PerformanceListParser.Parse("https://www.tfrrs.org/saved/" + file, html);
        Assert.True(n >= plain.Rows.Count, $"{n} mark cells decorated, {plain.Rows.Count} rows");
        Assert.Empty(page.Skipped);
        Assert.Equal(plain.Rows.Count, page.Rows.Count);
        for (var i = 0; i < page.Rows.Count; i++)
        {
            var (before, after) = (plain.Rows[i].Mark, page.Rows[i].Mark);
            Assert.Equal(before.Value, after.Value);
            Assert.Equal(before.Status, after.Status);
            Assert.True((after.Flags & ~before.Flags) != MarkFlags.None, $"row {i}: '{after.Text}' gained no flag");
        }
        foreach (var (marker, flags) in Decorations)
            Assert.Contains(page.Rows, r => r.Mark.Flags.HasFlag(flags) && r.Mark.Text.EndsWith(marker.Trim(), StringComparison.Ordinal));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the page");
        return text[..at] + to + text[(at + from.Length)..];
    }

    [Fact]
    public void Rows_that_cannot_be_understood_are_reported_with_page_place_and_reason()
    {
        var html = Html(Printable);
        html = ReplaceFirst(html, "\n      10.31\n", "\n      10.3.1\n");              // 100 m (Men), row 1
        html = ReplaceFirst(html, "<td>2.8</td>", "<td>windy</td>");                     // 100 m (Men), row 3
        html = ReplaceFirst(html, "Pettis, Andrei\n      </td>\n      <td>SO-2</td>", "Pettis, Andrei\n      </td>\n      <td>Sophomore</td>"); // 100 m (Men), row 9
        html = ReplaceFirst(html, "104&#39; 11&quot;", "114&#39; 11&quot;");              // a discus conversion off by 10 ft
        html = ReplaceFirst(html, "High Jump\n            (Men)", "Sack Race\n            (Men)"); // a whole block of an unknown event
        var page = PerformanceListParser.Parse("https://www.tfrrs.org/saved/" + Printable, html);

        Assert.Equal(1606, page.RowsSeen); // nothing lost, nothing invented
        Assert.All(page.Skipped, s => Assert.Equal("https://www.tfrrs.org/saved/" + Printable, s.Source));
        var first = page.Skipped[0];
        Assert.Equal("100 Meters (Men), row 1", first.Location);
        Assert.Equal("mark '10.3.1': expected a time such as '10.31', '1:52.34' or '1:04:12.3'", first.Reason);
        Assert.StartsWith("1 Liu, Landen SO-2 Bethel (Minn.) 10.3.1 NCAA Division III", first.Text);
        Assert.Equal(("100 Meters (Men), row 3", "wind 'windy': expected a wind reading such as '+1.2', '-0.5' or 'NWI'"), (page.Skipped[1].Location, page.Skipped[1].Reason));
        var year = page.Skipped[2];
        Assert.Equal(("100 Meters (Men), row 9", "'Sophomore' is not a class year (FR-1, SO-2, JR-3, SR-4, GR)"), (year.Location, year.Reason));
        Assert.Contains(page.Skipped, s => s.Reason.StartsWith("the conversion 114' 11\" (35.027 m) disagrees with the mark 31.98m", StringComparison.Ordinal));
        var unknown = page.Skipped.Where(s => s.Reason == "the event 'Sack Race (Men)' is not in the event catalogue").ToList();
        Assert.Equal(39, unknown.Count);
        Assert.Equal("Sack Race (Men), row 39", unknown[^1].Location);
        Assert.Equal(1 + 1 + 1 + 1 + 39, page.Skipped.Count);
        Assert.DoesNotContain(page.Rows, r => r.Event.Code == "HJ" && r.Gender == Gender.Men);
    }

    [Fact]
    public void A_block_whose_class_and_title_disagree_on_gender_is_reported()
    {
        var html = ReplaceFirst(Html(Legacy), " (Men)", " (Women)").Replace("<div class=\"row\">\n<div class=\"col-lg-12\">", "<div class=\"row gender_m\">\n<div class=\"col-lg-12\">");
        var page = PerformanceListParser.Parse("https://www.tfrrs.org/saved/" + Legacy, html);
        Assert.Empty(page.Rows);
        Assert.Equal(1697, page.Skipped.Count);
        Assert.All(page.Skipped, s => Assert.Equal("the block's class says Men but its title says Women", s.Reason));
    }

    [Fact]
    public void A_page_that_is_not_a_list_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => PerformanceListParser.Parse("https://www.tfrrs.org/x", "<html><body><p>hello</p></body></html>"));
        Assert.Contains("is not a TFRRS performance list", e.Message);
    }
}
