using System.Buffers.Binary;
using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// Where the PyTorch reference fixtures are: the folder named by TORCH_FIXTURES_DIR, else
/// <c>tests/fixtures/torch</c> found by walking up from the test assembly's folder.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    /// <summary>Loads <c>&lt;caseName&gt;.safetensors</c>.</summary>
    public static Fixture Load(string caseName)
    {
        var path = Path.Combine(Directory, caseName + ".safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture '{caseName}' is missing: no {path}. Regenerate it with tests/fixtures/torch/make_fixtures.py.", path);
        var (tensors, metadata) = SafeTensors.Load(path);
        return new Fixture(caseName, tensors, metadata);
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TORCH_FIXTURES_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!System.IO.Directory.Exists(fromEnvironment))
                throw new DirectoryNotFoundException($"TORCH_FIXTURES_DIR is '{fromEnvironment}', which is not a folder.");
            return fromEnvironment;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "torch");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No tests/fixtures/torch above {AppContext.BaseDirectory}; set TORCH_FIXTURES_DIR to the fixtures folder.");
    }
}

/// <summary>One fixture case: its tensors by name (<c>input.x</c>, <c>output.loss</c>, <c>grad.input.x</c> ...) and metadata.</summary>
public sealed class Fixture(string caseName, Dictionary<string, SafeTensor> tensors, Dictionary<string, string> metadata)
{
    public string Case { get; } = caseName;

    public string Op => metadata["op"];

    public JsonElement Config { get; } = JsonDocument.Parse(metadata["config"]).RootElement;

    public IEnumerable<string> Names => tensors.Keys;

    public bool Has(string name) => tensors.ContainsKey(name);

    public bool IsFloat(string name) => Get(name).DType == "F32";

    /// <summary>A float tensor (FromArray reads an empty shape as 1-D, so 0-dimensional ones go through Reshape).</summary>
    public Tensor Float(string name)
    {
        var t = Get(name);
        if (t.DType != "F32") throw new InvalidDataException($"{Case}: '{name}' is {t.DType}, expected F32.");
        return Tensor.FromArray(t.ToFloat32(), checked((int)t.NumEl)).Reshape(t.Shape);
    }

    public IndexTensor Index(string name)
    {
        var t = Get(name);
        if (t.DType != "I64") throw new InvalidDataException($"{Case}: '{name}' is {t.DType}, expected I64.");
        var values = new int[t.NumEl];
        for (int i = 0; i < values.Length; i++) values[i] = checked((int)BinaryPrimitives.ReadInt64LittleEndian(t.Data.AsSpan(i * 8, 8)));
        return IndexTensor.FromArray(values, values.Length).Reshape(t.Shape);
    }

    public float Number(string key) => Config.GetProperty(key).GetSingle();

    public bool Flag(string key, bool fallback = false) => Config.TryGetProperty(key, out var v) ? v.GetBoolean() : fallback;

    public Lib.Tensors.NN.Reduction Reduction => Config.GetProperty("reduction").GetString() switch
    {
        "none" => Lib.Tensors.NN.Reduction.None,
        "mean" => Lib.Tensors.NN.Reduction.Mean,
        "sum" => Lib.Tensors.NN.Reduction.Sum,
        var other => throw new InvalidDataException($"{Case}: unknown reduction '{other}'."),
    };

    private SafeTensor Get(string name) => tensors.TryGetValue(name, out var t) ? t
        : throw new KeyNotFoundException($"{Case}: no tensor '{name}' (has {string.Join(", ", tensors.Keys)}).");
}
