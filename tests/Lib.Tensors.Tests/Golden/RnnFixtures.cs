using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// Reads the PyTorch reference cases (tests/fixtures/torch, format in its README.md): the folder in
/// TORCH_FIXTURES_DIR, else tests/fixtures/torch found by walking up from the test assembly.
/// </summary>
internal static class RnnFixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The fixtures folder.</summary>
    public static string Directory => Folder.Value;

    /// <summary>The case names (file names without extension) starting with <paramref name="prefix"/>, sorted.</summary>
    public static string[] Cases(string prefix) =>
        [.. System.IO.Directory.GetFiles(Directory, prefix + "*.safetensors").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal)];

    /// <summary>Loads one case.</summary>
    public static RnnFixture Load(string name)
    {
        string path = Path.Combine(Directory, name + ".safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture case '{name}' is not in {Directory}.", path);
        var (tensors, metadata) = SafeTensors.Load(path);
        var floats = new Dictionary<string, Tensor>();
        var indices = new Dictionary<string, IndexTensor>();
        foreach (var (key, t) in tensors)
        {
            switch (t.DType)
            {
                case "F32": floats[key] = Tensor.Wrap(t.ToFloat32(), t.Shape.Length == 0 ? [] : t.Shape); break;
                case "I64": indices[key] = ToIndex(t, path, key); break;
                default: throw new InvalidDataException($"{path}: tensor '{key}' has dtype {t.DType}; fixtures hold only F32 and I64.");
            }
        }
        var config = JsonDocument.Parse(metadata.TryGetValue("config", out var c) ? c : "{}").RootElement.Clone();
        return new RnnFixture(name, metadata.GetValueOrDefault("op", ""), config, floats, indices);
    }

    private static IndexTensor ToIndex(SafeTensor t, string path, string key)
    {
        var values = new int[t.NumEl];
        for (int i = 0; i < values.Length; i++)
        {
            long v = BitConverter.ToInt64(t.Data, i * 8);
            values[i] = v is >= int.MinValue and <= int.MaxValue ? (int)v
                : throw new InvalidDataException($"{path}: '{key}'[{i}] = {v} does not fit in int32.");
        }
        return IndexTensor.Wrap(values, t.Shape.Length == 0 ? [1] : t.Shape);
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TORCH_FIXTURES_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
            return System.IO.Directory.Exists(fromEnv) ? fromEnv
                : throw new DirectoryNotFoundException($"TORCH_FIXTURES_DIR is '{fromEnv}', which is not a folder.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "torch");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No tests/fixtures/torch above {AppContext.BaseDirectory}; set TORCH_FIXTURES_DIR to the fixtures folder.");
    }
}

/// <summary>One loaded case: F32 tensors and I64 index tensors by their stored names (<c>input.x</c>, <c>param.weight_ih_l0</c>, <c>grad.input.input</c>).</summary>
internal sealed record RnnFixture(string Name, string Op, JsonElement Config, Dictionary<string, Tensor> Floats, Dictionary<string, IndexTensor> Indices)
{
    /// <summary>A float tensor, or a clear failure naming the case.</summary>
    public Tensor this[string key] => Floats.TryGetValue(key, out var t) ? t
        : throw new KeyNotFoundException($"Fixture {Name} has no F32 tensor '{key}' (it has {string.Join(", ", Floats.Keys)}).");

    /// <summary>An int config value or its default.</summary>
    public int Int(string key, int fallback) => Config.TryGetProperty(key, out var v) ? v.GetInt32() : fallback;

    /// <summary>A bool config value or its default.</summary>
    public bool Bool(string key, bool fallback) => Config.TryGetProperty(key, out var v) ? v.GetBoolean() : fallback;

    /// <summary>The module parameters by state-dict key (the <c>param.</c> prefix removed).</summary>
    public Dictionary<string, Tensor> Params() =>
        Floats.Where(kv => kv.Key.StartsWith("param.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["param.".Length..], kv => kv.Value);
}
