using Lib.Storage;
using Lib.Track.Domain;

namespace Lib.Tests.Track;

/// <summary>The mark parser and the event catalogue on 22,073 real scraped marks (data/tfrrs/big_south_tfrrs_performances.csv).</summary>
public class RealMarksTests
{
    [Fact]
    public void Every_real_mark_parses_except_the_files_known_noise()
    {
        var rows = CsvFile.ReadTable(Path.Combine(RepoPaths.Data, "tfrrs", "big_south_tfrrs_performances.csv")).Select(r => r.Fields).ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<MarkStatus, int>();
        var flagged = 0;
        foreach (var row in rows)
        {
            if (EventCatalogue.Find(row["event"]) is not { } ev)
            {
                failures.Add($"event '{row["event"]}'");
                continue;
            }
            if (!Mark.TryParse(row["mark"], ev.Unit, out var mark, out _)) failures.Add($"{ev.Code} '{row["mark"]}'");
            else
            {
                statuses[mark.Status] = statuses.GetValueOrDefault(mark.Status) + 1;
                if (mark.Flags != MarkFlags.None) flagged++;
            }
        }

        Assert.Equal(22073, rows.Count);
        // Malformed rows (a year or DNS in the event column) are the only failures: the two codes the parser does
        // not know (ENR in cross country, NP in multis) are kept as other codes, with no value and no meaning.
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["event '2022'"] = 1, ["event '2023'"] = 3, ["event '2024'"] = 3, ["event '2025'"] = 1, ["event '2026'"] = 2, ["event 'DNS'"] = 2,
            },
            failures.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(22073 - 12, statuses.Values.Sum());
        Assert.Equal(11, statuses[MarkStatus.OtherCode]);
        Assert.True(statuses[MarkStatus.DidNotStart] > 600 && statuses[MarkStatus.Foul] > 100 && statuses[MarkStatus.NoHeight] > 100);
        Assert.Equal(1, flagged); // one hand time, 9.9h
    }

    [Fact]
    public void No_row_of_the_bundled_sources_or_pages_is_refused_for_its_mark()
    {
        // Issue 19's done-when, on the bundled copies of the shared TFRRS folder: every mark parses; what is still
        // refused is a row whose event is unknown or whose wind is malformed, never its mark.
        var rejected = Lib.Track.Ingest.PerformanceSources.Bundled(RepoPaths.Data).SelectMany(s => s.Read().Rejected).ToList();
        Assert.Equal(17, rejected.Count);
        Assert.All(rejected, r => Assert.DoesNotContain("mark", r.Reason, StringComparison.OrdinalIgnoreCase));
        foreach (var file in Directory.GetFiles(RepoPaths.TfrrsHtml, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            var url = "https://www.tfrrs.org/saved/" + Path.GetFileName(file);
            var skipped = file.Contains("athlete_pages", StringComparison.Ordinal) ? Lib.Track.Scrape.AthletePageParser.Parse(url, html).Skipped
                : file.Contains("performance_lists", StringComparison.Ordinal) ? Lib.Track.Scrape.PerformanceListParser.Parse(url, html).Skipped
                : [];
            Assert.Empty(skipped);
        }
    }
}
