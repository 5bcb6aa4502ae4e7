using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lib.Football.Domain;

/// <summary>The football workflow's JSON settings: camel case, enums by name, indented.</summary>
public static class FootballJson
{
    /// <summary>The options every football JSON file is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } =
        new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
}
