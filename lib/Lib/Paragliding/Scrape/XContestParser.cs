using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Scrape;

/// <summary>
/// Parses saved or fetched XContest pages, in any UI language: flight lists (<c>tr[id^=flight-]</c> rows; cells found
/// by their markup, not their position: <c>span.XCutcOffset</c>, <c>a.lau</c> with its <c>filter[point]=lon lat</c>
/// link, <c>div[class^=disc-]</c>, <c>td.km</c>, <c>td.pts</c>, <c>td.dur</c>, <c>td[class^=cat-]</c>,
/// <c>a.detail</c> whose <c>…/d.m.yyyy/HH:MM</c> is the UTC start) and RSS 0.91 feeds. A row missing a field it needs
/// is left out with its flight id and the reason, never guessed. Pilot names and account handles are not read.
/// </summary>
public static partial class XContestParser
{
    /// <summary>Parses a page; RSS when it is an XML document with an <c>rss</c> root, else a flight list.</summary>
    public static XContestPage Parse(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.TrimStart();
        if (head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<rss", StringComparison.Ordinal))
            return ParseRss(source, text);
        return ParseList(source, text);
    }

    /// <summary>Reads and parses a saved page; its file name is the source.</summary>
    public static XContestPage Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The XContest page '{path}' does not exist.", path);
        return Parse(Path.GetFileName(path), File.ReadAllText(path));
    }

    /// <summary>The rows of a flight list.</summary>
    public static XContestPage ParseList(string source, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var flights = new List<XContestFlight>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in document.QuerySelectorAll("tr[id^='flight-']"))
        {
            try
            {
                flights.Add(Row(source, row));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord(source, row.Id ?? "flight row", e.Message, Squash(row.TextContent)));
            }
        }
        return new XContestPage(source, "flight-list", flights, [], rejected);
    }

    private static XContestFlight Row(string source, IElement row)
    {
        if (!long.TryParse(row.Id!["flight-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            throw new FormatException($"the row id '{row.Id}' is not flight-<number>");
        var offsetSpan = row.QuerySelector("span.XCutcOffset");
        var when = offsetSpan?.ParentElement
            ?? row.QuerySelector("td > div.full:has(em)")
            ?? throw new FormatException("no date cell (div.full with the time in em)");
        var date = Squash(
            string.Concat(when.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent))
        );
        if (!DateRegex().IsMatch(date))
            throw new FormatException($"the date '{date}' is not dd.mm.yy");
        var local = Squash(when.QuerySelector("em")?.TextContent ?? "");
        var offset = Squash(offsetSpan?.TextContent ?? "");
        offset = offset.StartsWith("=UTC", StringComparison.Ordinal) ? offset[4..] : offset.TrimStart('=');
        var submittedTitle = when.Closest("td")?.GetAttribute("title") ?? "";
        int colon = submittedTitle.IndexOf(": ", StringComparison.Ordinal);
        var submitted = colon >= 0 ? submittedTitle[(colon + 2)..].Trim() : submittedTitle.Trim();

        var pilotFlag = row.QuerySelector("td.plt span.cic")
            ?? row.QuerySelector("a.plt")?.Closest("td")?.QuerySelector("span.cic");
        var launch = row.QuerySelector("a.lau") ?? throw new FormatException("no launch link (a.lau)");
        var launchFlag = launch.ParentElement?.QuerySelector("span.cic");
        var point = PointRegex().Match(Uri.UnescapeDataString(launch.GetAttribute("href") ?? ""));
        if (!point.Success)
            throw new FormatException("the launch link has no filter[point]=lon lat");

        var route = row.QuerySelector("div[class^='disc-'], div[class*=' disc-']")
            ?? throw new FormatException("no route type (div.disc-*)");
        var routeCode = route.ClassList.First(c => c.StartsWith("disc-", StringComparison.Ordinal));
        var km = Number(row.QuerySelector("td.km strong"), "distance (td.km)");
        var points = Number(row.QuerySelector("td.pts strong"), "points (td.pts)");
        var airtime = Squash(
            row.QuerySelector("td.dur strong")?.TextContent ?? throw new FormatException("no airtime")
        );
        var gliderCell = row.QuerySelectorAll("td").FirstOrDefault(td => td.ClassList.Any(IsCategory))
            ?? throw new FormatException("no glider cell (td.cat-*)");
        var glider = gliderCell.QuerySelector("div[title]")?.GetAttribute("title")?.Trim() ?? "";
        var gliderClass = Squash(gliderCell.QuerySelector("span.hide")?.TextContent ?? "");

        var detail = row.QuerySelector("a.detail")?.GetAttribute("href")
            ?? throw new FormatException("no flight detail link (a.detail)");
        var utc = StartUtc(detail)
            ?? throw new FormatException($"the detail link '{detail}' ends without d.m.yyyy/HH:MM");
        return new XContestFlight(
            source,
            id,
            date,
            local,
            offset,
            utc,
            submitted,
            Squash(pilotFlag?.TextContent ?? ""),
            launch.GetAttribute("title")?.Trim() ?? Squash(launch.TextContent),
            Squash(launchFlag?.TextContent ?? ""),
            decimal.Parse(point.Groups["lon"].Value, CultureInfo.InvariantCulture),
            decimal.Parse(point.Groups["lat"].Value, CultureInfo.InvariantCulture),
            routeCode,
            route.GetAttribute("title")?.Trim() ?? "",
            km,
            points,
            airtime,
            glider,
            gliderCell.ClassList.First(IsCategory),
            gliderClass
        );
    }

    private static bool IsCategory(string c) => c.StartsWith("cat-", StringComparison.Ordinal);

    private static decimal Number(IElement? e, string what)
    {
        var text = Squash(e?.TextContent ?? throw new FormatException($"no {what}"));
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"the {what} '{text}' is not a number");
    }

    /// <summary>The UTC start time at the end of a detail link (<c>…/9.08.2023/09:42</c>), or null.</summary>
    public static DateTime? StartUtc(string link)
    {
        var m = LinkTimeRegex().Match(link);
        if (!m.Success)
            return null;
        int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        try
        {
            return new DateTime(I("y"), I("m"), I("d"), I("h"), I("min"), 0, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The items of an RSS feed.</summary>
    public static XContestPage ParseRss(string source, string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{source}: line {e.LineNumber}: not well-formed XML ({e.Message}).", e);
        }
        if (document.Root?.Name.LocalName != "rss")
            throw new InvalidDataException($"{source}: the root element is not <rss>.");
        var items = new List<XContestRssItem>();
        var rejected = new List<RejectedRecord>();
        int n = 0;
        foreach (var item in document.Root.Descendants("item"))
        {
            n++;
            var title = (string?)item.Element("title") ?? "";
            var link = (string?)item.Element("link") ?? "";
            var m = RssTitleRegex().Match(title.Trim());
            var utc = StartUtc(link.Trim());
            string? why =
                !m.Success ? $"the title '{title}' is not 'dd.mm.yy [km km :: type] pilot'"
                : utc is null ? $"the link '{link}' does not end with d.m.yyyy/HH:MM"
                : null;
            if (why is not null)
            {
                rejected.Add(new RejectedRecord(source, $"item {n}", why));
                continue;
            }
            items.Add(
                new XContestRssItem(
                    m.Groups["date"].Value,
                    decimal.Parse(m.Groups["km"].Value, CultureInfo.InvariantCulture),
                    m.Groups["type"].Value,
                    utc!.Value,
                    ((string?)item.Element("pubDate") ?? "").Trim()
                )
            );
        }
        return new XContestPage(source, "rss", [], items, rejected);
    }

    private static string Squash(string s) => WhitespaceRegex().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^\d\d\.\d\d\.\d\d$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"filter\[point\]=(?<lon>-?\d+(\.\d+)?)[ +](?<lat>-?\d+(\.\d+)?)")]
    private static partial Regex PointRegex();

    [GeneratedRegex(@"/(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})/(?<h>\d{1,2}):(?<min>\d{2})/?$")]
    private static partial Regex LinkTimeRegex();

    [GeneratedRegex(@"^(?<date>\d\d\.\d\d\.\d\d) \[(?<km>\d+(\.\d+)?) km :: (?<type>[A-Za-z_]+)\]")]
    private static partial Regex RssTitleRegex();
}
