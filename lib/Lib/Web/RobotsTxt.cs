using System.Globalization;
using System.Text;

namespace Lib.Web;

/// <summary>
/// A parsed robots.txt (RFC 9309): the groups for our product token if any name it, else the
/// <c>*</c> groups, merged. The longest matching rule decides; on a tie <c>Allow</c> wins; no
/// matching rule means allowed. <c>Crawl-delay</c> (seconds) of the chosen groups is kept.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<RobotsRule> _rules;

    private RobotsTxt(IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Allows everything: what a missing robots.txt (4xx) means.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>The rules that apply to us, in file order.</summary>
    public IReadOnlyList<RobotsRule> Rules => _rules;

    /// <summary>The <c>Crawl-delay</c> that applies to us, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>
    /// Parses <paramref name="text"/> for the crawler whose product token is <paramref name="productToken"/>
    /// (the User-Agent up to its first <c>/</c>, such as <c>sports-ml-lab</c>); matching is case-insensitive.
    /// Unknown lines and rules before any <c>User-agent</c> are ignored, as the RFC asks.
    /// </summary>
    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                    groups.Add(current = new Group());
                current.Agents.Add(value);
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null)
                continue;
            switch (key)
            {
                case "allow" or "disallow" when value.Length > 0: // an empty Disallow allows everything: no rule
                    current.Rules.Add(new RobotsRule(key == "allow", value));
                    break;
                case "crawl-delay"
                    when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0:
                    current.Delay = TimeSpan.FromSeconds(seconds);
                    break;
            }
        }

        var ours = groups
            .Where(g => g.Agents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (ours.Count == 0)
            ours = groups.Where(g => g.Agents.Contains("*")).ToList();
        var delay = ours.Select(g => g.Delay).Max();
        return new RobotsTxt(ours.SelectMany(g => g.Rules).ToList(), delay);
    }

    /// <summary>Whether we may fetch <paramref name="url"/>; <c>/robots.txt</c> itself is always allowed.</summary>
    public bool IsAllowed(Uri url) => IsAllowed(url.PathAndQuery);

    /// <summary>Whether we may fetch the path (with its query, escaped as in a request line).</summary>
    public bool IsAllowed(string pathAndQuery) =>
        pathAndQuery == "/robots.txt" || (DecidingRule(pathAndQuery)?.Allow ?? true);

    /// <summary>The rule that decides <paramref name="pathAndQuery"/>: the longest match, <c>Allow</c> on a tie; null
    /// when none matches.</summary>
    public RobotsRule? DecidingRule(string pathAndQuery)
    {
        var path = NormalizeEscapes(pathAndQuery);
        RobotsRule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Matches(path))
                continue;
            if (
                best is null
                || rule.Specificity > best.Specificity
                || (rule.Specificity == best.Specificity && rule.Allow)
            )
                best = rule;
        }
        return best;
    }

    /// <summary>Escapes characters outside printable ASCII as UTF-8 percent escapes and upper-cases the hex of existing
    /// escapes, so a pattern and a path compare alike.</summary>
    internal static string NormalizeEscapes(string s)
    {
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                b.Append('%').Append(char.ToUpperInvariant(s[i + 1])).Append(char.ToUpperInvariant(s[i + 2]));
                i += 2;
            }
            else if (c > 0x20 && c < 0x7F)
                b.Append(c);
            else
            {
                var len = char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
                foreach (var x in Encoding.UTF8.GetBytes(s.Substring(i, len)))
                    b.Append('%').Append(x.ToString("X2", CultureInfo.InvariantCulture));
                i += len - 1;
            }
        }
        return b.ToString();
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<RobotsRule> Rules { get; } = [];
        public TimeSpan? Delay { get; set; }
    }
}
