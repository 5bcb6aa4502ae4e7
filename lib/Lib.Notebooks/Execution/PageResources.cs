using System.Text.RegularExpressions;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Page-level resources that library formatters embed once per page, marked
/// <c>&lt;script data-lab-bundle="name"&gt;</c> (the plotly.js bundle). When a display carrying one
/// is updated with content that does not, the bundle is kept so the page still has it.
/// </summary>
internal static partial class PageResources
{
    [GeneratedRegex("""<script data-lab-bundle="[^"]+">.*?</script>""", RegexOptions.Singleline)]
    private static partial Regex BundleScript();

    /// <summary>The new data, with any bundle scripts of the old HTML that the new HTML lacks prepended.</summary>
    public static IReadOnlyDictionary<string, string> CarryOver(IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> updated)
    {
        if (!old.TryGetValue("text/html", out var oldHtml)) return updated;
        var bundles = BundleScript().Matches(oldHtml).Select(m => m.Value).ToList();
        if (bundles.Count == 0) return updated;
        var result = new Dictionary<string, string>(updated);
        var newHtml = result.GetValueOrDefault("text/html", "");
        var missing = bundles.Where(b => !newHtml.Contains(b, StringComparison.Ordinal)).ToList();
        if (missing.Count == 0) return updated;
        if (!result.ContainsKey("text/html"))
            newHtml = "<pre>" + System.Net.WebUtility.HtmlEncode(result.GetValueOrDefault("text/plain", "")) + "</pre>";
        result["text/html"] = string.Concat(missing) + newHtml;
        return result;
    }
}
