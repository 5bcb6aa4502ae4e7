using System.Text.RegularExpressions;

namespace Lib.Splits.Ingest;

/// <summary>
/// A rider's name as a timing file prints it, cleaned the one way every reader does: the under-23 marker
/// <c> *</c> and a <c> (NAT)</c> suffix (2025 layouts) removed, spaces collapsed.
/// </summary>
public static partial class RiderName
{
    /// <summary>The cleaned name and the nation of a <c>(NAT)</c> suffix (empty when there is none).</summary>
    public static (string Name, string Nation) Clean(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var text = Spaces().Replace(printed, " ").Trim();
        var nation = "";
        var m = NationSuffix().Match(text);
        if (m.Success)
        {
            nation = m.Groups["nat"].Value;
            text = text[..m.Index].TrimEnd();
        }
        while (text.EndsWith('*'))
            text = text[..^1].TrimEnd();
        // "NAME Firstname * (NAT)": the marker may also stand before the suffix.
        m = NationSuffix().Match(text);
        if (nation.Length == 0 && m.Success)
        {
            nation = m.Groups["nat"].Value;
            text = text[..m.Index].TrimEnd().TrimEnd('*').TrimEnd();
        }
        return (text, nation);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\((?<nat>[A-Z]{3})\)\s*\*?$")]
    private static partial Regex NationSuffix();
}
