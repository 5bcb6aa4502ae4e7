using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// Parses a TFRRS team page for athlete discovery: the ROSTER table's rows (name linked to
/// <c>/athletes/&lt;id&gt;/…</c>, class), the team name and <c>MEN'S TRACK &amp; FIELD</c>-style heading, and the
/// season chosen in the page's season menu. Roster rows without an athlete link are reported, not guessed.
/// </summary>
public static class TeamRosterParser
{
    /// <summary>Parses the team page at <paramref name="url"/> from its HTML.</summary>
    public static TeamRoster Parse(string url, string html) => Parse(url, new HtmlParser().ParseDocument(html));

    /// <summary>Parses the team page at <paramref name="url"/>; <see cref="FormatException"/> when it has no
    /// roster.</summary>
    public static TeamRoster Parse(string url, IDocument document)
    {
        var page = new Uri(url);
        var table = RosterTable(document)
            ?? throw new FormatException($"{url} is not a TFRRS team page: it has no ROSTER table.");
        var team = HtmlText.Of(document.QuerySelector("#team-name"));
        var genderAndSport = HtmlText.Of(document.QuerySelector("#team-gender-and-sport"));
        var words = genderAndSport.Split(' ', 2);
        var gender = words.Length > 0 ? GenderCodes.FromText(words[0]) : null;
        gender ??= TfrrsLinks.TeamGender(page.AbsolutePath);
        var sport = words.Length > 1 ? words[1] : null;
        var season = HtmlText.Of(document.QuerySelector("select[name='config_hnd'] option[selected]"));

        var athletes = new List<RosterEntry>();
        var skipped = new List<RejectedRecord>();
        var n = 0;
        foreach (var tr in table.QuerySelectorAll("tbody > tr"))
        {
            n++;
            var cells = tr.Children.Where(c => c.LocalName == "td").ToList();
            var link = cells.Count > 0 ? cells[0].QuerySelector("a") : null;
            var href = HtmlText.Href(link, page);
            var id = TfrrsLinks.AthleteId(href);
            string? error = null;
            ClassYear? year = null;
            if (cells.Count != 2)
                error = $"the row has {cells.Count} cells, expected 2 (name, year)";
            else if (id is null)
                error = "the name links to no athlete page";
            else if (HtmlText.Of(cells[1]) is { Length: > 0 } yearText)
            {
                if (ClassYear.TryParse(yearText, out var y, out error))
                    year = y;
            }
            if (error is null)
                athletes.Add(new RosterEntry(HtmlText.Of(link), id!.Value, href!, year));
            else
                skipped.Add(new RejectedRecord(url, $"roster, row {n}", error, HtmlText.Of(tr)));
        }
        return new TeamRoster(url, team, gender, sport, season.Length > 0 ? season : null, athletes, skipped);
    }

    /// <summary>The table that follows the <c>ROSTER</c> heading.</summary>
    private static IElement? RosterTable(IDocument document)
    {
        var heading = document
            .QuerySelectorAll("h3")
            .FirstOrDefault(h => HtmlText.Of(h).Equals("ROSTER", StringComparison.OrdinalIgnoreCase));
        for (var next = heading?.NextElementSibling; next is not null; next = next.NextElementSibling)
            if (next.LocalName == "table")
                return next;
        return null;
    }
}
