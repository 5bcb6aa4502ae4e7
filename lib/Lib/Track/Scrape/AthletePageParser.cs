using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// Parses a TFRRS athlete page: the heading (<c>TREVOR GRAY (FR-1)</c>, team), the per-meet results
/// (<c>#meet-results table.indoor|outdoor|xc</c>: event, mark with wind and conversion, place and round
/// such as <c>24th (P)</c>), the personal bests (<c>table.indoor_bests</c> …) and the event history.
/// The season of a result is its table's class. The class printed in the heading is today's, so result
/// rows carry none. Rows that cannot be understood are reported in <see cref="AthletePage.Skipped"/>.
/// </summary>
public static partial class AthletePageParser
{
    /// <summary>Parses the athlete page at <paramref name="url"/> from its HTML.</summary>
    public static AthletePage Parse(string url, string html) => Parse(url, new HtmlParser().ParseDocument(html));

    /// <summary>Parses the athlete page at <paramref name="url"/>; <see cref="FormatException"/> when it is not
    /// one.</summary>
    public static AthletePage Parse(string url, IDocument document)
    {
        var page = new Uri(url);
        var results = document.QuerySelector("#meet-results")
            ?? throw new FormatException($"{url} is not a TFRRS athlete page: it has no #meet-results section.");
        var heading = HtmlText.Of(document.QuerySelector("h3.panel-title.large-title"));
        var nameMatch = NameAndClass().Match(heading);
        var name = nameMatch.Success ? nameMatch.Groups[1].Value : heading;
        ClassYear? classYear =
            nameMatch.Success && ClassYear.TryParse(nameMatch.Groups[2].Value, out var y, out _) ? y : null;
        var teamLink = document
            .QuerySelectorAll(".panel-heading a[href*='/teams/']")
            .FirstOrDefault(a => HtmlText.Of(a).Length > 0);
        var team = teamLink is null ? null : HtmlText.Of(teamLink);
        var gender = TfrrsLinks.TeamGender(HtmlText.Href(teamLink, page));
        var athleteId = TfrrsLinks.AthleteId(page.AbsolutePath);
        var context = new Context(page, url, name.Length > 0 ? name : null, athleteId, team, gender);

        var skipped = new List<RejectedRecord>();
        var rows = ReadResults(context, results, skipped);
        var bests = ReadBests(context, document, skipped);
        var history = ReadHistory(context, document.QuerySelector("#event-history"), skipped);
        return new AthletePage(url, name, athleteId, classYear, team, gender, rows, bests, history, skipped);
    }

    private sealed record Context(Uri Page, string Url, string? Name, long? AthleteId, string? Team, Gender? Gender);

    private static List<Performance> ReadResults(Context context, IElement section, List<RejectedRecord> skipped)
    {
        var rows = new List<Performance>();
        var position = 0;
        foreach (var table in section.QuerySelectorAll("table"))
        {
            var season = SeasonOf(table);
            var header = table.QuerySelector("thead th");
            var meetLink = header?.QuerySelector("a");
            var meet = HtmlText.Of(meetLink);
            var dateText = HtmlText.Of(header?.QuerySelector("span"));
            var meetId = TfrrsLinks.MeetId(HtmlText.Href(meetLink, context.Page));
            DateOnly? date = null;
            string? tableProblem = context.Gender is null
                ? "the page links no team address with a gender, so the results' gender is unknown"
                : null;
            if (dateText.Length > 0)
            {
                if (MeetDate.TryParse(dateText, out var first, out _, out var dateError))
                    date = first;
                else
                    tableProblem ??= dateError;
            }
            var n = 0;
            foreach (var tr in table.QuerySelectorAll("tbody > tr"))
            {
                position++;
                n++;
                var location = $"meet results, {(meet.Length > 0 ? meet : "untitled meet")}, row {n}";
                var text = HtmlText.Of(tr);
                var cells = tr.Children.Where(c => c.LocalName == "td").ToList();
                string? error = tableProblem;
                Performance? row = null;
                if (error is null && cells.Count != 3)
                    error = $"the row has {cells.Count} cells, expected 3 (event, mark, place)";
                if (error is null)
                    row = BuildResult(context, cells, season, meet, meetId, date, dateText, position, out error);
                if (row is null)
                    skipped.Add(new RejectedRecord(context.Url, location, error!, text));
                else
                    rows.Add(row);
            }
        }
        return rows;
    }

    private static Performance? BuildResult(
        Context context,
        List<IElement> cells,
        Season? season,
        string meet,
        long? meetId,
        DateOnly? date,
        string dateText,
        int position,
        out string? error
    )
    {
        var eventText = HtmlText.Of(cells[0]);
        if (EventCatalogue.Find(eventText) is not { } ev)
            return Fail($"the event '{eventText}' is not in the event catalogue", out error);
        if (MarkCell.Read(cells[1], ev.Unit, context.Page, out error) is not { } mark)
            return null;
        var placeText = HtmlText.Of(cells[2]);
        int? place = null;
        Round? round = null;
        if (placeText.Length > 0)
        {
            if (PlaceAndRound().Match(placeText) is not { Success: true } m)
                return Fail(
                    $"the place '{placeText}' is not a place such as '4th (F)' or a round such as '(F)'",
                    out error
                );
            if (m.Groups[1].Success)
                place = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var roundGroup = m.Groups[2].Success ? m.Groups[2] : m.Groups[3];
            if (roundGroup.Success)
            {
                round = RoundCodes.FromCode(roundGroup.Value);
                if (round is null)
                    return Fail($"the round '({roundGroup.Value})' is not F, P or S", out error);
            }
        }
        error = null;
        return new Performance
        {
            Source = "tfrrs",
            File = context.Url,
            Line = position,
            SourceKind = "athlete",
            Gender = context.Gender!.Value,
            Event = ev,
            EventTitle = eventText,
            Athlete = context.Name,
            AthleteId = context.AthleteId,
            Team = context.Team,
            Mark = mark.Mark,
            MarkConverted = mark.Converted,
            Wind = mark.Wind,
            Meet = meet.Length > 0 ? meet : null,
            MeetId = meetId,
            Date = date,
            DateText = dateText.Length > 0 ? dateText : null,
            Season = season ?? SeasonInference.Infer(ev, date),
            Place = place,
            Round = round,
            ResultUrl = mark.ResultUrl,
        };
    }

    private static List<PersonalBest> ReadBests(Context context, IDocument document, List<RejectedRecord> skipped)
    {
        var bests = new List<PersonalBest>();
        foreach (
            var (selector, season) in new[]
            {
                ("table.indoor_bests", Season.Indoor),
                ("table.outdoor_bests", Season.Outdoor),
                ("table.xc_bests", Season.CrossCountry),
            }
        )
        {
            var n = 0;
            foreach (var table in document.QuerySelectorAll(selector))
            {
                var cells = table.QuerySelectorAll("td").ToList();
                for (var i = 0; i + 1 < cells.Count; i += 2)
                {
                    var eventText = HtmlText.Of(cells[i]);
                    var markCell = cells[i + 1];
                    if (eventText.Length == 0 && HtmlText.Of(markCell).Length == 0)
                        continue; // an empty slot of the two-column grid
                    n++;
                    var location = $"{season.Code()} bests, entry {n}";
                    var text = $"{eventText} {HtmlText.Of(markCell)}";
                    string? error;
                    if (EventCatalogue.Find(eventText) is not { } ev)
                        error = $"the event '{eventText}' is not in the event catalogue";
                    else if (MarkCell.Read(markCell, ev.Unit, context.Page, out error) is { } mark)
                    {
                        bests.Add(
                            new PersonalBest(
                                ev,
                                eventText,
                                season,
                                mark.Mark,
                                mark.Wind,
                                mark.Converted,
                                mark.ResultUrl
                            )
                        );
                        continue;
                    }
                    skipped.Add(new RejectedRecord(context.Url, location, error!, text));
                }
            }
        }
        return bests;
    }

    private static List<EventHistoryEntry> ReadHistory(Context context, IElement? section, List<RejectedRecord> skipped)
    {
        var entries = new List<EventHistoryEntry>();
        if (section is null)
            return entries;
        foreach (var table in section.QuerySelectorAll("table"))
        {
            var th = table.QuerySelector("thead th");
            var title = HtmlText.Collapse(string.Concat(th?.ChildNodes.OfType<IText>().Select(t => t.Data) ?? []));
            var season = SeasonOf(table) ?? SeasonNames.FromText(title);
            var ev = EventCatalogue.Find(title);
            var n = 0;
            foreach (var tr in table.QuerySelectorAll("tbody > tr"))
            {
                n++;
                var location = $"event history, {title}, row {n}";
                var cells = tr.Children.Where(c => c.LocalName == "td").ToList();
                string? error = null;
                if (ev is null)
                    error = $"the event '{title}' is not in the event catalogue";
                else if (cells.Count != 3)
                    error = $"the row has {cells.Count} cells, expected 3 (mark, meet, date)";
                else if (MarkCell.Read(cells[0], ev.Unit, context.Page, out error) is { } mark)
                {
                    var dateText = HtmlText.Of(cells[2]);
                    DateOnly? date = null;
                    if (dateText.Length > 0 && MeetDate.TryParse(dateText, out var first, out _, out error))
                        date = first;
                    if (dateText.Length == 0 || date is not null)
                    {
                        var meetLink = cells[1].QuerySelector("a");
                        entries.Add(
                            new EventHistoryEntry(
                                ev,
                                title,
                                season,
                                mark.Mark,
                                mark.Wind,
                                mark.Converted,
                                HtmlText.Of(cells[1]) is { Length: > 0 } m ? m : null,
                                TfrrsLinks.MeetId(HtmlText.Href(meetLink, context.Page)),
                                date,
                                dateText.Length > 0 ? dateText : null,
                                mark.ResultUrl
                            )
                        );
                        continue;
                    }
                }
                skipped.Add(new RejectedRecord(context.Url, location, error!, HtmlText.Of(tr)));
            }
        }
        return entries;
    }

    /// <summary>The season a table's class names (<c>indoor</c>, <c>outdoor</c>, <c>xc</c>), or null.</summary>
    private static Season? SeasonOf(IElement table)
    {
        Season? found = null;
        foreach (var c in table.ClassList)
        {
            Season? s = c switch
            {
                "indoor" => Season.Indoor,
                "outdoor" => Season.Outdoor,
                "xc" => Season.CrossCountry,
                _ => null,
            };
            if (s is null)
                continue;
            if (found is not null && found != s)
                return null;
            found = s;
        }
        return found;
    }

    private static Performance? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }

    [GeneratedRegex(@"^(.*?)\s*\(([^()]*)\)$")]
    private static partial Regex NameAndClass();

    /// <summary><c>4th (F)</c>, <c>4</c>, or a round without a place, <c>(F)</c> (a final TFRRS printed no place
    /// for).</summary>
    [GeneratedRegex(@"^(?:(\d+)(?:st|nd|rd|th)?(?:\s*\(([A-Za-z])\))?|\(([A-Za-z])\))$")]
    private static partial Regex PlaceAndRound();
}
