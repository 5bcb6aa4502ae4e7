using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// Parses all three generations of TFRRS performance lists (<see cref="ListLayout"/>, detected from the
/// markup) into <see cref="Performance"/> rows. Each event block's title gives the event and gender
/// (checked against the block's <c>gender_m</c>/<c>gender_f</c> class); the page title, else the
/// single-season events on the page, else each row's event and date give the season. Tied places, flags
/// (<c>10.03 @</c>), converted imperial marks, NWI and blank cells are read as printed; a row that cannot
/// be understood — an unknown event, a mark that does not parse, a conversion that disagrees with the
/// metric mark, cells that do not match the header — is reported in <see cref="PerformanceListPage.Skipped"/>
/// with its place on the page and the reason, never guessed.
/// </summary>
public static partial class PerformanceListParser
{
    /// <summary>How far a printed imperial conversion may be from the metric mark (TFRRS rounds throws to the
    /// inch).</summary>
    private const double ConversionTolerance = 0.0254 + 1e-6;

    private static readonly string[] MarkLabels = ["Time", "Mark", "Points"];

    private static readonly Dictionary<string, string> HeaderLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["place"] = "Place",
        ["rank"] = "Place",
        ["athlete"] = "Athlete",
        ["athletes"] = "Athletes",
        ["year"] = "Year",
        ["team"] = "Team",
        ["time"] = "Time",
        ["mark"] = "Mark",
        ["conv"] = "Conv",
        ["points"] = "Points",
        ["meet"] = "Meet",
        ["meet date"] = "Meet Date",
        ["date"] = "Meet Date",
        ["wind"] = "Wind",
    };

    /// <summary>Parses the list at <paramref name="url"/> from its HTML.</summary>
    public static PerformanceListPage Parse(string url, string html) =>
        Parse(url, new HtmlParser().ParseDocument(html));

    /// <summary>Parses the list at <paramref name="url"/>; <see cref="FormatException"/> when the page is not a
    /// performance list.</summary>
    public static PerformanceListPage Parse(string url, IDocument document)
    {
        var page = new Uri(url);
        var layout = DetectLayout(document)
            ?? throw new FormatException(
                $"{url} is not a TFRRS performance list: it has neither div.performance-list-row rows nor a "
                    + "table#myTable."
            );
        var title = Title(document, layout);
        var blocks = (
            layout == ListLayout.Current
                ? document.QuerySelectorAll("div.performance-list")
                : document.QuerySelectorAll("table#myTable")
        )
            .Select(Block.Read)
            .ToList();
        var season = SeasonNames.FromText(title)
            ?? SeasonInference.FromEvents(blocks.Where(b => b.Event is not null).Select(b => b.Event!));

        var rows = new List<Performance>();
        var skipped = new List<RejectedRecord>();
        var position = 0;
        foreach (var block in blocks)
        {
            var labels =
                layout == ListLayout.Current
                    ? block
                        .Element.QuerySelectorAll(".performance-list-header > [data-label]")
                        .Select(e => e.GetAttribute("data-label")!)
                        .ToList()
                    : block.Element.QuerySelectorAll("thead th").Select(th => Label(HtmlText.Of(th))).ToList();
            var rowElements =
                layout == ListLayout.Current
                    ? block.Element.QuerySelectorAll("div.performance-list-row")
                    : block
                        .Element.QuerySelectorAll("tbody > tr")
                        .Where(tr => tr.Children.Any(c => c.LocalName == "td"));
            var n = 0;
            foreach (var row in rowElements)
            {
                position++;
                n++;
                var location = $"{block.Title}, row {n}";
                var text = HtmlText.Of(row);
                if (block.Problem is { } problem)
                {
                    skipped.Add(new RejectedRecord(url, location, problem, text));
                    continue;
                }
                var cells = new Dictionary<string, IElement>(StringComparer.Ordinal);
                string? error = null;
                if (layout == ListLayout.Current)
                {
                    foreach (var cell in row.Children.Where(c => c.HasAttribute("data-label")))
                        if (!cells.TryAdd(cell.GetAttribute("data-label")!, cell))
                            error = $"two cells are labelled '{cell.GetAttribute("data-label")}'";
                }
                else
                {
                    var tds = row.Children.Where(c => c.LocalName == "td").ToList();
                    if (tds.Count != labels.Count)
                        error =
                            $"the row has {tds.Count} cells but the header has {labels.Count} "
                            + $"({string.Join(", ", labels)})";
                    else
                        for (var i = 0; i < tds.Count; i++)
                            if (!cells.TryAdd(labels[i], tds[i]))
                                error = $"two columns are headed '{labels[i]}'";
                }
                var performance = error is null ? Build(page, block, cells, season, position, out error) : null;
                if (performance is null)
                    skipped.Add(new RejectedRecord(url, location, error!, text));
                else
                    rows.Add(performance);
            }
        }
        return new PerformanceListPage(url, layout, title, season, blocks.Count, rows, skipped);
    }

    /// <summary>Which layout <paramref name="document"/> is, or null when it is not a performance list.</summary>
    public static ListLayout? DetectLayout(IDocument document)
    {
        if (document.QuerySelector("div.performance-list-row, div.performance-list") is not null)
            return ListLayout.Current;
        var table = document.QuerySelector("table#myTable");
        if (table is null)
            return null;
        return table.ClassList.Contains("tablesorter") ? ListLayout.Legacy : ListLayout.Printable;
    }

    private static string Title(IDocument document, ListLayout layout)
    {
        var heading = layout switch
        {
            ListLayout.Legacy => document.QuerySelector("h3.panel-title"),
            ListLayout.Printable => document.QuerySelector(".panel-body h1, h1"),
            _ => null,
        };
        var text = HtmlText.Of(heading);
        if (text.Length > 0)
            return text;
        var title = HtmlText.Collapse(document.Title);
        return title.StartsWith("TFRRS |", StringComparison.Ordinal) ? title["TFRRS |".Length..].Trim() : title;
    }

    private static string Label(string header) => HeaderLabels.GetValueOrDefault(header, header);

    private static Performance? Build(
        Uri page,
        Block block,
        Dictionary<string, IElement> cells,
        Season? pageSeason,
        int position,
        out string? error
    )
    {
        var ev = block.Event!;
        string? Text(string label) => cells.TryGetValue(label, out var cell) ? HtmlText.Of(cell) : null;
        static string? NullIfBlank(string? s) => string.IsNullOrEmpty(s) ? null : s;

        var placeText = Text("Place");
        if (
            placeText is null
            || !int.TryParse(placeText, NumberStyles.None, CultureInfo.InvariantCulture, out var place)
            || place < 1
        )
            return Fail($"the place '{placeText}' is not a positive whole number", out error);

        var markLabels = MarkLabels.Where(cells.ContainsKey).ToList();
        if (markLabels.Count != 1)
            return Fail($"expected one Time, Mark or Points cell, found {markLabels.Count}", out error);
        var markCell = cells[markLabels[0]];
        if (!Mark.TryParse(HtmlText.Of(markCell), ev.Unit, out var mark, out var markError))
            return Fail($"mark {markError}", out error);

        var converted = NullIfBlank(Text("Conv"));
        if (converted is not null)
        {
            if (!ImperialDistance.TryParse(converted, out var metres, out var convError))
                return Fail($"conversion {convError}", out error);
            if (mark.Value is { } value && ev.Unit == MarkUnit.Metres && Math.Abs(metres - value) > ConversionTolerance)
                return Fail(
                    $"the conversion {converted} ({metres:0.000} m) disagrees with the mark {mark.Text}",
                    out error
                );
        }

        Wind? wind = null;
        if (NullIfBlank(Text("Wind")) is { } windText)
        {
            if (!Wind.TryParse(windText, out var w, out var windError))
                return Fail($"wind {windError}", out error);
            wind = w;
        }

        ClassYear? classYear = null;
        if (NullIfBlank(Text("Year")) is { } yearText)
        {
            if (!ClassYear.TryParse(yearText, out var y, out var yearError))
                return Fail(yearError, out error);
            classYear = y;
        }

        var dateText = NullIfBlank(Text("Meet Date"));
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (!MeetDate.TryParse(dateText, out var first, out _, out var dateError))
                return Fail(dateError, out error);
            date = first;
        }

        cells.TryGetValue("Athlete", out var athleteCell);
        cells.TryGetValue("Meet", out var meetCell);
        var athleteUrl = HtmlText.Href(athleteCell?.QuerySelector("a"), page);
        var meetUrl = HtmlText.Href(meetCell?.QuerySelector("a"), page);
        error = null;
        return new Performance
        {
            Source = "tfrrs",
            File = page.AbsoluteUri,
            Line = position,
            SourceKind = "list",
            Gender = block.Gender!.Value,
            Event = ev,
            EventTitle = block.Title,
            TfrrsEventId = block.TfrrsEventId,
            Athlete = NullIfBlank(Text("Athlete")),
            AthleteId = TfrrsLinks.AthleteId(athleteUrl),
            Team = NullIfBlank(Text("Team")),
            ClassYear = classYear,
            Mark = mark,
            MarkConverted = converted,
            MarkNote = NullIfBlank(HtmlText.Collapse(markCell.QuerySelector("[title]")?.GetAttribute("title"))),
            Wind = wind,
            Meet = NullIfBlank(Text("Meet")),
            MeetId = TfrrsLinks.MeetId(meetUrl),
            Date = date,
            DateText = dateText,
            Season = pageSeason ?? SeasonInference.Infer(ev, date),
            Place = place,
            RelayMembers = cells.TryGetValue("Athletes", out var members) ? Members(members, page) : [],
            ResultUrl = HtmlText.Href(markCell.QuerySelector("a"), page),
        };
    }

    private static List<RelayMember> Members(IElement cell, Uri page)
    {
        var links = cell.QuerySelectorAll("a").ToList();
        if (links.Count > 0)
            return links
                .Select(a => new RelayMember(HtmlText.Of(a), TfrrsLinks.AthleteId(HtmlText.Href(a, page))))
                .ToList();
        return HtmlText
            .Of(cell)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => new RelayMember(name, null))
            .ToList();
    }

    private static Performance? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }

    /// <summary>One event's block: its element, title, event and gender, or why its rows cannot be read.</summary>
    private sealed partial record Block(
        IElement Element,
        string Title,
        EventInfo? Event,
        Gender? Gender,
        int? TfrrsEventId,
        string? Problem
    )
    {
        public static Block Read(IElement element)
        {
            var title = HtmlText.Of(TitleOf(element));
            var classes = element.Closest("[class*='gender_'], [class*='standard_event_hnd_']")?.ClassList.ToList()
                ?? [];
            var classGender = classes
                .Where(c => c.StartsWith("gender_", StringComparison.Ordinal))
                .Select(c => GenderCodes.FromText(c["gender_".Length..]))
                .FirstOrDefault();
            int? eventId = classes
                .Where(c => c.StartsWith("standard_event_hnd_", StringComparison.Ordinal))
                .Select(c =>
                    int.TryParse(
                        c["standard_event_hnd_".Length..],
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var id
                    )
                        ? id
                        : (int?)null
                )
                .FirstOrDefault();
            var titleGender = GenderSuffix().Match(title) is { Success: true } m
                ? GenderCodes.FromText(m.Groups[1].Value)
                : null;
            var ev = EventCatalogue.Find(title);
            string? problem = null;
            if (title.Length == 0)
                problem = "the event block has no title";
            else if (ev is null)
                problem = $"the event '{title}' is not in the event catalogue";
            else if (classGender is not null && titleGender is not null && classGender != titleGender)
                problem = $"the block's class says {classGender} but its title says {titleGender}";
            else if ((classGender ?? titleGender) is null)
                problem = $"the event block '{title}' names no gender";
            return new Block(element, title, ev, classGender ?? titleGender, eventId, problem);
        }

        /// <summary>The last <c>.custom-table-title h3</c> before the block, within the nearest ancestor that has
        /// one.</summary>
        private static IElement? TitleOf(IElement element)
        {
            for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
            {
                var before = ancestor
                    .QuerySelectorAll(".custom-table-title h3")
                    .Where(h => h.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following))
                    .ToList();
                if (before.Count > 0)
                    return before[^1];
            }
            return null;
        }

        [GeneratedRegex(@"\((Men|Women|Mixed)\)\s*$", RegexOptions.IgnoreCase)]
        private static partial Regex GenderSuffix();
    }
}
