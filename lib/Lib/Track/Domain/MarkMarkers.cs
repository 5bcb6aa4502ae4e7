using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lib.Track.Domain;

/// <summary>
/// Separates the markers TFRRS prints around a mark from the mark itself: trailing and leading symbols (<c>@</c>,
/// <c>#</c>, <c>%</c>, <c>*</c>, or any other symbol, kept as unknown) and trailing parenthesised numbers
/// (<c>7.20(55)</c>, <c>3:37.31 @(1)</c>), with or without spaces between them. The characters a mark is written with
/// (digits, letters, <c>.</c>, <c>:</c>, <c>'</c>, <c>"</c>, <c>,</c>, <c>-</c>, <c>+</c>) are never markers.
/// </summary>
public static class MarkMarkers
{
    /// <summary>
    /// Splits <paramref name="printed"/> (whitespace already collapsed) into the mark's <paramref name="body"/> and
    /// its <paramref name="markers"/> in printed order; false only for an unbalanced parenthesis.
    /// </summary>
    public static bool TryPeel(
        string printed,
        out string body,
        out List<MarkMarker> markers,
        [NotNullWhen(false)] out string? error
    )
    {
        var trailing = new List<MarkMarker>();
        body = printed.Trim();
        while (body.Length > 0)
        {
            var last = body[^1];
            if (last == ')')
            {
                var open = body.LastIndexOf('(');
                if (open < 0)
                {
                    markers = [];
                    error = "has a ')' without its '('";
                    return false;
                }
                var inner = body[(open + 1)..^1].Trim();
                trailing.Insert(
                    0,
                    inner.Length is > 0 and <= 5
                    && int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && number > 0
                        ? MarkMarker.Parenthesised(number)
                        : new MarkMarker($"({inner.Replace(" ", "", StringComparison.Ordinal)})", MarkerKind.Unknown)
                );
                body = body[..open].TrimEnd();
            }
            else if (IsSymbol(last))
            {
                trailing.Insert(0, MarkMarker.Symbol(last));
                body = body[..^1].TrimEnd();
            }
            else
                break;
        }
        markers = [];
        while (body.Length > 0 && IsSymbol(body[0]))
        {
            markers.Add(MarkMarker.Symbol(body[0]));
            body = body[1..].TrimStart();
        }
        if (body.Contains('(') || body.Contains(')'))
        {
            error = "has a parenthesis inside the mark";
            return false;
        }
        markers.AddRange(trailing);
        error = null;
        return true;
    }

    /// <summary>The markers' texts separated by a space.</summary>
    public static string Join(IEnumerable<MarkMarker> markers) => string.Join(' ', markers.Select(m => m.Text));

    /// <summary>The markers of a <see cref="Join"/>ed text, read back.</summary>
    public static IReadOnlyList<MarkMarker> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Read).ToList();
    }

    private static MarkMarker Read(string token)
    {
        if (token.Length > 2 && token[0] == '(' && token[^1] == ')')
            return
                int.TryParse(token[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number > 0
                ? MarkMarker.Parenthesised(number)
                : new MarkMarker(token, MarkerKind.Unknown);
        return token.Length == 1 && IsSymbol(token[0])
            ? MarkMarker.Symbol(token[0])
            : new MarkMarker(token, MarkerKind.Unknown);
    }

    /// <summary>Whether <paramref name="c"/> can be a marker symbol: not a letter, digit, space or a character marks
    /// are written with.</summary>
    private static bool IsSymbol(char c) =>
        !char.IsLetterOrDigit(c)
        && !char.IsWhiteSpace(c)
        && c is not ('.' or ':' or '\'' or '"' or ',' or '-' or '+')
        && c is not ('(' or ')');
}
