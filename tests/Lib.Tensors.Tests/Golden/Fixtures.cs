using System.Text.Json;
using Lib.Tensors.IO;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// The PyTorch reference cases (<c>&lt;case&gt;.safetensors</c>, format in tests/fixtures/torch/README.md):
/// the folder named by TORCH_FIXTURES_DIR, else <c>tests/fixtures/torch</c> found by walking up from the
/// test assembly's folder.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The fixtures folder.</summary>
    public static string Directory => Folder.Value;

    /// <summary>Loads <c>&lt;caseName&gt;.safetensors</c>.</summary>
    public static Fixture Load(string caseName)
    {
        var path = Path.Combine(Directory, caseName + ".safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture '{caseName}' is missing: no {path}. Regenerate it with tests/fixtures/torch/make_fixtures.py.", path);
        var (tensors, metadata) = SafeTensors.Load(path);
        return new Fixture(caseName, tensors, metadata);
    }

    /// <summary>The case names (file names without extension) starting with <paramref name="prefix"/>, sorted.</summary>
    public static string[] Cases(string prefix) =>
        [.. System.IO.Directory.GetFiles(Directory, prefix + "*.safetensors").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal)];

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

/// <summary>
/// One fixture case: its tensors by stored name (<c>input.x</c>, <c>param.weight_ih_l0</c>, <c>output.out</c>,
/// <c>upstream.out</c>, <c>grad.input.x</c> ...), its metadata and the <c>config</c> / <c>call</c> arguments.
/// </summary>
public sealed class Fixture
{
    private readonly Dictionary<string, SafeTensor> _tensors;

    internal Fixture(string caseName, Dictionary<string, SafeTensor> tensors, Dictionary<string, string> metadata)
    {
        Case = caseName;
        _tensors = tensors;
        Metadata = metadata;
        Config = Arguments(metadata, "config");
        Call = Arguments(metadata, "call");
    }

    /// <summary>The same case, its name followed by the engine <paramref name="mode"/> it runs in (for messages).</summary>
    public Fixture WithMode(string mode) => new($"{Case} [{mode}]", _tensors, (Dictionary<string, string>)Metadata);

    /// <summary>The case name (the file name without extension).</summary>
    public string Case { get; }

    /// <summary>The <c>__metadata__</c> strings.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>What PyTorch called: <c>F.softmax</c>, <c>nn.LSTM</c>, <c>optim.AdamW</c> ...</summary>
    public string Op => Metadata.TryGetValue("op", out var op) ? op : throw new KeyNotFoundException($"{Case}: the metadata has no 'op'.");

    /// <summary>The keyword arguments of the constructor or function (empty when the case has none).</summary>
    public FixtureArgs Config { get; }

    /// <summary>The forward-call arguments (empty when the case has none).</summary>
    public FixtureArgs Call { get; }

    /// <summary>Every stored tensor name.</summary>
    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>Whether the case stores tensor <paramref name="name"/>.</summary>
    public bool Has(string name) => _tensors.ContainsKey(name);

    /// <summary>Whether tensor <paramref name="name"/> is F32 (else I64: indices, lengths, targets, masks).</summary>
    public bool IsFloat(string name) => Entry(name).DType == "F32";

    /// <summary>An F32 tensor with its stored shape (a 0-dim one stays 0-dim).</summary>
    public Tensor Float(string name)
    {
        var entry = Entry(name);
        if (entry.DType != "F32") throw new InvalidDataException($"{Case}: '{name}' is {entry.DType}, expected F32.");
        return entry.ToTensor();
    }

    /// <summary>An I64 tensor as indices with its stored shape (a 0-dim one stays 0-dim).</summary>
    public IndexTensor Index(string name)
    {
        var entry = Entry(name);
        if (entry.DType != "I64") throw new InvalidDataException($"{Case}: '{name}' is {entry.DType}, expected I64.");
        try
        {
            return entry.Shape.Length == 0 ? (entry with { Shape = [1] }).ToIndexTensor().Reshape() : entry.ToIndexTensor();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{Case}: '{name}': {e.Message}", e);
        }
    }

    /// <summary>The <c>param.*</c> tensors (parameters and buffers) keyed by their state-dict key.</summary>
    public Dictionary<string, Tensor> Params() =>
        _tensors.Keys.Where(k => k.StartsWith("param.", StringComparison.Ordinal)).ToDictionary(k => k["param.".Length..], Float);

    /// <summary>Loads <see cref="Params"/> into <paramref name="module"/> after checking that its state-dict keys are PyTorch's.</summary>
    public T LoadInto<T>(T module) where T : Module
    {
        var expected = Params();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), module.StateDict().Keys.Order(StringComparer.Ordinal));
        module.LoadStateDict(expected);
        return module;
    }

    /// <summary>Asserts that <paramref name="actual"/> matches the stored tensor <paramref name="name"/> (see <see cref="GoldenCheck.Close(Tensor, Tensor?, string, Tolerance)"/>).</summary>
    public void AssertClose(string name, Tensor? actual, Tolerance tolerance) => GoldenCheck.Close(Float(name), actual, $"{Case} {name}", tolerance);

    private SafeTensor Entry(string name) => _tensors.TryGetValue(name, out var t) ? t
        : throw new KeyNotFoundException($"{Case}: no tensor '{name}' (it has {string.Join(", ", _tensors.Keys.Order(StringComparer.Ordinal))}).");

    private FixtureArgs Arguments(Dictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var json)) json = "{}";
        try
        {
            using var document = JsonDocument.Parse(json);
            return new FixtureArgs($"{Case} {key}", document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Case}: the '{key}' metadata is not JSON: {e.Message}", e);
        }
    }
}
