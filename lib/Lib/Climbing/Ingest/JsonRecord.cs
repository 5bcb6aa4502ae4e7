using System.Globalization;
using System.Text.Json;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Typed access to one JSON record of a source file; a missing or mistyped field throws
/// <see cref="BadRecordException"/> naming the field and what was expected, which the parsers turn into a
/// <see cref="RejectedRecord"/>.
/// </summary>
internal readonly struct JsonRecord(JsonElement element)
{
    public JsonElement Element { get; } = element;

    public bool Has(string name) =>
        Element.ValueKind == JsonValueKind.Object
        && Element.TryGetProperty(name, out var v)
        && v.ValueKind != JsonValueKind.Null;

    public JsonElement Get(string name) =>
        Element.ValueKind != JsonValueKind.Object
            ? throw new BadRecordException($"the record is a JSON {Kind(Element)}, expected an object")
        : Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v
        : throw new BadRecordException($"no '{name}' field");

    public string String(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new BadRecordException($"'{name}' is a JSON {Kind(v)} ({Short(v)}), expected a string");
    }

    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    /// <summary>An integer, or a string holding one (ids come either way).</summary>
    public long Integer(string name)
    {
        var v = Get(name);
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
            return n;
        if (
            v.ValueKind == JsonValueKind.String
            && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)
        )
            return n;
        throw new BadRecordException($"'{name}' is {Short(v)}, expected an integer");
    }

    public long? OptionalInteger(string name) => Has(name) ? Integer(name) : null;

    public double Number(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new BadRecordException($"'{name}' is {Short(v)}, expected a number");
    }

    public bool Boolean(string name)
    {
        var v = Get(name);
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new BadRecordException($"'{name}' is {Short(v)}, expected true or false"),
        };
    }

    public JsonElement Array(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.Array
            ? v
            : throw new BadRecordException($"'{name}' is a JSON {Kind(v)}, expected an array");
    }

    /// <summary>The record's own identification for reports: the value of <paramref name="idField"/> and the name, when
    /// present.</summary>
    public string Describe(int index, string idField, string? nameField = "name")
    {
        var text = $"record {index}";
        if (Element.ValueKind != JsonValueKind.Object)
            return text;
        var parts = new List<string>();
        if (Element.TryGetProperty(idField, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            parts.Add($"{idField} {Short(id)}");
        if (
            nameField is not null
            && Element.TryGetProperty(nameField, out var n)
            && n.ValueKind == JsonValueKind.String
        )
            parts.Add($"'{n.GetString()}'");
        return parts.Count == 0 ? text : $"{text} ({string.Join(" ", parts)})";
    }

    internal static string Kind(JsonElement v) => v.ValueKind.ToString().ToLowerInvariant();

    internal static string Short(JsonElement v)
    {
        var raw = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}

/// <summary>A record that cannot be used as it stands; the message says why.</summary>
internal sealed class BadRecordException(string reason) : Exception(reason);
