using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lib.Climbing.Domain;

/// <summary>The JSON settings of the workflow's files (route table, vocabulary, model folder): snake_case, roles as
/// names.</summary>
public static class ClimbingJson
{
    /// <summary>Indented snake_case JSON with enums as lower-case names.</summary>
    public static JsonSerializerOptions Options { get; } =
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };

    /// <summary>Reads <typeparamref name="T"/> from <paramref name="path"/>; a file that does not read is an error
    /// naming it and the line.</summary>
    public static T Read<T>(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Options)
                ?? throw new InvalidDataException($"{path}: holds null, expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}: line {(e.LineNumber ?? 0) + 1}: not a valid {typeof(T).Name} ({e.Message})",
                e
            );
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) =>
        Lib.Tensors.IO.AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Options));
}
