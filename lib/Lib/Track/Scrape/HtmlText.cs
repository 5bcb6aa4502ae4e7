using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Lib.Track.Scrape;

/// <summary>Text and links out of TFRRS markup: whitespace (non-breaking spaces included) collapsed, addresses
/// cleaned.</summary>
internal static partial class HtmlText
{
    /// <summary>The element's text with runs of whitespace as one space, trimmed; empty for null.</summary>
    public static string Of(INode? node) => node is null ? "" : Collapse(node.TextContent);

    /// <summary><paramref name="text"/> with runs of whitespace as one space, trimmed.</summary>
    public static string Collapse(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    /// <summary>
    /// The absolute address of a link's <c>href</c> against the page: whitespace inside the attribute removed (TFRRS
    /// athlete pages break addresses across lines), protocol-relative addresses given the page's scheme. Null when
    /// absent.
    /// </summary>
    public static string? Href(IElement? link, Uri page)
    {
        var raw = link?.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var cleaned = Whitespace().Replace(raw, "");
        if (cleaned.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || cleaned.StartsWith('#'))
            return null;
        return Uri.TryCreate(page, cleaned, out var absolute) ? absolute.AbsoluteUri : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
