using System.Text.Json;

namespace Lib.Climbing.Ingest;

/// <summary>Opening a source file as JSON, with an error that names the file and line when it is not JSON.</summary>
internal static class SourceFile
{
    public static JsonDocument ReadJson(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The source file '{path}' does not exist.", path);
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>The records of a file that is an array, or an object holding the array under one of
    /// <paramref name="keys"/>.</summary>
    public static JsonElement Records(JsonDocument document, string path, params string[] keys)
    {
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
            return root;
        if (root.ValueKind == JsonValueKind.Object)
            foreach (var key in keys)
                if (root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                    return list;
        throw new InvalidDataException(
            $"{path}: expected a JSON array of "
                + $"records{(keys.Length == 0 ? "" : $" or an object with '{string.Join("' or '", keys)}'")}, found a "
                + $"JSON {JsonRecord.Kind(root)}."
        );
    }
}
