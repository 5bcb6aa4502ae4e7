using System.Text.Json;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// A fixture's <c>config</c> or <c>call</c> JSON object (or an object nested in one) with typed accessors:
/// a missing key without a fallback, or a value of the wrong kind, is an error naming the case and the key.
/// </summary>
public readonly struct FixtureArgs(string where, JsonElement json)
{
    /// <summary>The object itself, for shapes the accessors do not cover.</summary>
    public JsonElement Json => json;

    public bool Has(string key) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(key, out _);

    public int Int(string key) => Read(key, JsonValueKind.Number, v => v.GetInt32());

    public int Int(string key, int fallback) => Has(key) ? Int(key) : fallback;

    public bool Bool(string key) => Read(key, JsonValueKind.True, v => v.GetBoolean());

    public bool Bool(string key, bool fallback) => Has(key) ? Bool(key) : fallback;

    /// <summary>A number as float32 (eps, delta, dropout: what the engine takes as float).</summary>
    public float Float(string key) => Read(key, JsonValueKind.Number, v => v.GetSingle());

    public float Float(string key, float fallback) => Has(key) ? Float(key) : fallback;

    /// <summary>A number as double (learning rates, momenta, decay factors).</summary>
    public double Double(string key) => Read(key, JsonValueKind.Number, v => v.GetDouble());

    public double Double(string key, double fallback) => Has(key) ? Double(key) : fallback;

    /// <summary>A number as double, or null when the key is absent (a per-group override).</summary>
    public double? DoubleOrNull(string key) => Has(key) ? Double(key) : null;

    public string String(string key) => Read(key, JsonValueKind.String, v => v.GetString()!);

    public string String(string key, string fallback) => Has(key) ? String(key) : fallback;

    /// <summary>An array of ints (<c>normalized_shape</c>, <c>pad</c>).</summary>
    public int[] Ints(string key) => Read(key, JsonValueKind.Array, v => v.EnumerateArray().Select(e => e.GetInt32()).ToArray());

    /// <summary>An array of strings (parameter names).</summary>
    public string[] Strings(string key) => Read(key, JsonValueKind.Array, v => v.EnumerateArray().Select(e => e.GetString()!).ToArray());

    /// <summary>A nested object (a scheduler's <c>optimizer</c>, an encoder's <c>encoder_layer</c>).</summary>
    public FixtureArgs Object(string key) => new($"{where}.{key}", Read(key, JsonValueKind.Object, v => v));

    /// <summary>An array of objects (<c>nn.Sequential</c>'s <c>modules</c>, param groups).</summary>
    public FixtureArgs[] Objects(string key)
    {
        var name = $"{where}.{key}";
        return Read(key, JsonValueKind.Array, v => v.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Object ? new FixtureArgs($"{name}[{i}]", e)
            : throw new InvalidDataException($"{name}[{i}] is {e.ValueKind}, expected an object.")).ToArray());
    }

    /// <summary>The <c>reduction</c> argument of a loss.</summary>
    public Reduction Reduction => String("reduction") switch
    {
        "none" => Reduction.None,
        "mean" => Reduction.Mean,
        "sum" => Reduction.Sum,
        var other => throw new InvalidDataException($"{where}: unknown reduction '{other}', expected none, mean or sum."),
    };

    private T Read<T>(string key, JsonValueKind kind, Func<JsonElement, T> read)
    {
        if (!Has(key))
            throw new KeyNotFoundException($"{where} has no '{key}' (it has {(json.ValueKind == JsonValueKind.Object ? string.Join(", ", json.EnumerateObject().Select(p => p.Name)) : json.ValueKind.ToString())}).");
        var value = json.GetProperty(key);
        bool matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (!matches) throw new InvalidDataException($"{where}.{key} is {value.GetRawText()}, expected {(kind == JsonValueKind.True ? "a boolean" : kind.ToString().ToLowerInvariant())}.");
        try
        {
            return read(value);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{where}.{key} = {value.GetRawText()}: {e.Message}", e);
        }
    }
}
