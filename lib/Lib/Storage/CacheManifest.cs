using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lib.Storage;

/// <summary>A hashed file recorded in a cache manifest.</summary>
public sealed record CachedFile(string Path, string Sha256, long Bytes, DateTime LastWriteUtc, long? Rows = null);

/// <summary>
/// What a cached step was built from and what it produced: written last, atomically, into the
/// step's folder, so a manifest only ever describes complete outputs.
/// </summary>
public sealed record CacheManifest(
    string Step,
    string CodeVersion,
    DateTime CreatedUtc,
    IReadOnlyList<CachedFile> Inputs,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<CachedFile> Outputs,
    IReadOnlyDictionary<string, string> Versions
)
{
    /// <summary>The manifest's file name inside a step folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The manifest as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a manifest; null when the file is missing, unreadable or not a manifest.</summary>
    public static CacheManifest? TryLoad(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<CacheManifest>(File.ReadAllText(path), Options)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The row count recorded for an output, if the step recorded one.</summary>
    public long? Rows(string output) => Outputs.FirstOrDefault(o => o.Path == output)?.Rows;
}
