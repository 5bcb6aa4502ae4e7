using Lib.Paragliding.Scrape;
using Lib.Storage;

namespace Lib.Tests.Paragliding;

/// <summary>The XContest parsers against the expected parses of the saved pages, field by field.</summary>
public class XContestParserTests
{
    public static TheoryData<string> ListPages() =>
        ["flights_list_recent_flights_world.html", "flights_list_recent_flights_2020.html", "flights_list_recent_flights_romania.html", "flights_list_npe.html"];

    [Theory]
    [MemberData(nameof(ListPages))]
    public void Every_list_page_gives_exactly_its_expected_rows(string file)
    {
        var expected = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "xcontest_expected.csv"), [.. XContestTables.FlightColumns])
            .Where(r => r["source_file"] == file).ToList();
        var page = XContestParser.Read(Path.Combine(ParaglidingPaths.XContest, file));
        Assert.Empty(page.Rejected);
        Assert.Equal(expected.Count, page.Flights.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var fields = XContestTables.Fields(page.Flights[i]);
            for (int c = 0; c < fields.Count; c++)
                Assert.True(expected[i][XContestTables.FlightColumns[c]] == fields[c],
                    $"{file} row {i + 1} {XContestTables.FlightColumns[c]}: expected '{expected[i][XContestTables.FlightColumns[c]]}', got '{fields[c]}'");
        }
    }

    [Fact]
    public void The_rss_feed_gives_exactly_its_expected_items()
    {
        var expected = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "xcontest_rss_expected.csv"), [.. XContestTables.RssColumns]);
        var page = XContestParser.Read(Path.Combine(ParaglidingPaths.XContest, "xcontest-ro-rss-sample.xml"));
        Assert.Equal("rss", page.Kind);
        Assert.Equal(20, page.Items.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(XContestTables.RssColumns.Select(c => expected[i][c]), XContestTables.Fields(page.Items[i]));
    }

    [Fact]
    public void No_pilot_name_or_handle_reaches_a_row()
    {
        var page = XContestParser.Read(Path.Combine(ParaglidingPaths.XContest, "flights_list_recent_flights_world.html"));
        var text = string.Join("\n", page.Flights.SelectMany(XContestTables.Fields));
        Assert.DoesNotContain("Flavius Ionita", text);
        Assert.DoesNotContain("flaviusionita", text);
        var rss = XContestParser.Read(Path.Combine(ParaglidingPaths.XContest, "xcontest-ro-rss-sample.xml"));
        Assert.DoesNotContain("Pumnut", string.Join("\n", rss.Items.SelectMany(XContestTables.Fields)));
    }

    [Fact]
    public void A_row_without_its_detail_link_is_left_out_with_its_id()
    {
        var html = File.ReadAllText(Path.Combine(ParaglidingPaths.XContest, "flights_list_recent_flights_world.html"));
        var broken = html.Replace("href=\"https://www.xcontest.org/world/en/flights/detail:flaviusionita/9.08.2023/09:42\"", "href=\"#\"");
        var page = XContestParser.Parse("broken.html", broken);
        Assert.Equal(99, page.Flights.Count);
        var r = Assert.Single(page.Rejected);
        Assert.Equal(("broken.html", "flight-4080147"), (r.Source, r.Location));
        Assert.Contains("d.m.yyyy/HH:MM", r.Reason);
    }
}
