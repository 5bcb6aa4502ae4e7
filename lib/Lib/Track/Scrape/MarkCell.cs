using AngleSharp.Dom;
using Lib.Track.Domain;

namespace Lib.Track.Scrape;

/// <summary>
/// The mark cell of an athlete page: the mark is the link's text, a parenthesised span is the wind
/// (<c>(1.6)</c>), another span the imperial conversion (<c>18' 3.25"</c>).
/// </summary>
internal sealed record MarkCell(Mark Mark, Wind? Wind, string? Converted, string? ResultUrl)
{
    public static MarkCell? Read(IElement cell, MarkUnit unit, Uri page, out string? error)
    {
        var link = cell.QuerySelector("a");
        // Without a link the mark is the cell's text outside its spans (the wind and the conversion).
        var text = link is null
            ? HtmlText.Collapse(
                string.Concat(
                    cell.ChildNodes.Where(n => n is not IElement { LocalName: "span" }).Select(n => n.TextContent)
                )
            )
            : HtmlText.Of(link);
        if (!Mark.TryParse(text, unit, out var mark, out var markError))
        {
            error = $"mark {markError}";
            return null;
        }
        Wind? wind = null;
        string? converted = null;
        foreach (var span in cell.QuerySelectorAll("span"))
        {
            var s = HtmlText.Of(span);
            if (s.Length == 0)
                continue;
            if (s.StartsWith('('))
            {
                if (wind is { } earlier)
                {
                    error = $"two wind readings ({earlier.Text}, {s})";
                    return null;
                }
                if (!Domain.Wind.TryParse(s, out var reading, out var windError))
                {
                    error = $"wind {windError}";
                    return null;
                }
                wind = reading;
            }
            else
            {
                if (converted is not null)
                {
                    error = $"two conversions ({converted}, {s})";
                    return null;
                }
                if (!ImperialDistance.TryParse(s, out var metres, out var convError))
                {
                    error = $"conversion {convError}";
                    return null;
                }
                if (mark.Value is { } value && unit == MarkUnit.Metres && Math.Abs(metres - value) > 0.0254 + 1e-6)
                {
                    error = $"the conversion {s} ({metres:0.000} m) disagrees with the mark {mark.Text}";
                    return null;
                }
                converted = s;
            }
        }
        error = null;
        return new MarkCell(mark, wind, converted, HtmlText.Href(link, page));
    }
}
