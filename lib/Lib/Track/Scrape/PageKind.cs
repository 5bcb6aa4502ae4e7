using AngleSharp.Dom;

namespace Lib.Track.Scrape;

/// <summary>The kinds of TFRRS page the scraper reads.</summary>
public enum PageKind
{
    /// <summary>Not a page the scraper understands (or not fetched).</summary>
    Unknown,

    /// <summary>A performance list, in any of the three layouts.</summary>
    PerformanceList,

    /// <summary>An athlete's profile.</summary>
    Athlete,

    /// <summary>A team page with a roster.</summary>
    Team,
}

/// <summary>Recognising a page's kind from its markup.</summary>
public static class PageKinds
{
    /// <summary>The kind of <paramref name="document"/>: athlete pages have <c>#meet-results</c>, lists their rows or
    /// <c>table#myTable</c>, team pages a ROSTER heading.</summary>
    public static PageKind Detect(IDocument document)
    {
        if (document.QuerySelector("#meet-results") is not null)
            return PageKind.Athlete;
        if (PerformanceListParser.DetectLayout(document) is not null)
            return PageKind.PerformanceList;
        if (
            document
                .QuerySelectorAll("h3")
                .Any(h => HtmlText.Of(h).Equals("ROSTER", StringComparison.OrdinalIgnoreCase))
        )
            return PageKind.Team;
        return PageKind.Unknown;
    }

    /// <summary>The lower-case name written to reports: <c>list</c>, <c>athlete</c>, <c>team</c>,
    /// <c>unknown</c>.</summary>
    public static string Code(this PageKind kind) =>
        kind switch
        {
            PageKind.PerformanceList => "list",
            PageKind.Athlete => "athlete",
            PageKind.Team => "team",
            _ => "unknown",
        };
}
