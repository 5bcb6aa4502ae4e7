using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lib.Notebooks.Dib;

/// <summary>
/// Parses the <c>.dib</c> format: an optional <c>#!meta</c> JSON block (the first one counts), then
/// cells started by a line that is exactly <c>#!&lt;kernel name or alias&gt;</c>. Any other <c>#!</c>
/// line is a magic command and stays inside its cell. Code before the first separator belongs to the
/// default kernel. CRLF and LF line endings both work; blank edges are trimmed and empty cells dropped.
/// </summary>
public static class DibParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> is used in error messages.</summary>
    public static DibDocument Parse(string text, string path = "<notebook>")
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length > 0 && lines[0].StartsWith('\uFEFF')) lines[0] = lines[0][1..];

        var meta = ReadMeta(lines, path);
        var names = new KernelNames(KernelItems(meta));
        var defaultKernel = meta?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue(out string? d)
            ? names.Resolve(d) ?? d
            : KernelNames.CSharp;

        var cells = new List<DibCell>();
        string? kernel = defaultKernel;  // null while inside a #!meta block
        int start = 0;
        for (int i = 0; i <= lines.Length; i++)
        {
            string? separator = i < lines.Length ? SeparatorKernel(lines[i], names) : "";
            if (separator is null) continue;
            if (kernel is not null) AddCell(cells, kernel, lines, start, i);
            kernel = separator == "meta" ? null : separator;
            start = i + 1;
        }
        return new DibDocument(path, meta, defaultKernel, cells);
    }

    /// <summary>The canonical kernel a separator line starts (<c>meta</c> for <c>#!meta</c>), or null when the line is not a separator.</summary>
    private static string? SeparatorKernel(string line, KernelNames names)
    {
        var trimmed = line.TrimEnd();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.Length == 2) return null;
        var name = trimmed[2..];
        if (name == "meta") return "meta";
        return names.Resolve(name);
    }

    private static void AddCell(List<DibCell> cells, string kernel, string[] lines, int start, int end)
    {
        while (start < end && string.IsNullOrWhiteSpace(lines[start])) start++;
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
        if (start >= end) return;
        cells.Add(new DibCell(kernel, string.Join('\n', lines[start..end].Select(l => l.TrimEnd())), start + 1));
    }

    private static JsonObject? ReadMeta(string[] lines, string path)
    {
        int metaIndex = Array.FindIndex(lines, l => l.TrimEnd() == "#!meta");
        if (metaIndex < 0) return null;
        int end = metaIndex + 1;
        while (end < lines.Length && !IsDirectiveToken(lines[end])) end++;
        var json = string.Join('\n', lines[(metaIndex + 1)..end]);
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new DibFormatException(path, metaIndex + 1, "#!meta must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new DibFormatException(path, metaIndex + 2 + (int)(e.LineNumber ?? 0),
                $"#!meta is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A line of the form <c>#!word</c>: where a meta block ends, whatever the kernel names are.</summary>
    private static bool IsDirectiveToken(string line)
    {
        var t = line.TrimEnd();
        return t.Length > 2 && t.StartsWith("#!", StringComparison.Ordinal) && !t.Contains(' ');
    }

    private static IEnumerable<(string, IReadOnlyList<string>)> KernelItems(JsonObject? meta)
    {
        if (meta?["kernelInfo"]?["items"] is not JsonArray items) yield break;
        foreach (var item in items.OfType<JsonObject>())
        {
            if (item["name"] is not JsonValue nv || !nv.TryGetValue(out string? name)) continue;
            var aliases = item["aliases"] is JsonArray a
                ? a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
                : [];
            yield return (name, aliases);
        }
    }
}
