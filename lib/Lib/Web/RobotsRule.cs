namespace Lib.Web;

/// <summary>
/// One <c>Allow</c> or <c>Disallow</c> line of robots.txt. The pattern matches a path (with its
/// query) from its start; <c>*</c> stands for any run of characters and a final <c>$</c> anchors
/// the end (RFC 9309, as Google reads it).
/// </summary>
public sealed class RobotsRule
{
    private readonly string[] _pieces;
    private readonly bool _anchored;

    /// <summary>A rule as written in robots.txt.</summary>
    public RobotsRule(bool allow, string pattern)
    {
        Allow = allow;
        Pattern = pattern;
        var normalized = RobotsTxt.NormalizeEscapes(pattern);
        Specificity = normalized.Length;
        _anchored = normalized.EndsWith('$');
        _pieces = (_anchored ? normalized[..^1] : normalized).Split('*');
    }

    /// <summary>True for <c>Allow</c>, false for <c>Disallow</c>.</summary>
    public bool Allow { get; }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The length of the (escape-normalised) pattern: the longest matching rule decides.</summary>
    public int Specificity { get; }

    /// <summary>Whether the rule applies to <paramref name="path"/> (path and query, escaped).</summary>
    public bool Matches(string path)
    {
        var first = _pieces[0];
        if (!path.StartsWith(first, StringComparison.Ordinal))
            return false;
        var at = first.Length;
        if (_pieces.Length == 1)
            return !_anchored || at == path.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var found = path.IndexOf(_pieces[i], at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + _pieces[i].Length;
        }
        var last = _pieces[^1];
        if (!_anchored)
            return path.IndexOf(last, at, StringComparison.Ordinal) >= 0;
        return path.Length - last.Length >= at && path.EndsWith(last, StringComparison.Ordinal);
    }

    /// <summary>The line as in robots.txt, such as <c>Disallow: /private/</c>.</summary>
    public override string ToString() => $"{(Allow ? "Allow" : "Disallow")}: {Pattern}";
}
