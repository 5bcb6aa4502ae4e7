using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// PyTorch reference cases (tests/fixtures/torch/&lt;case&gt;.safetensors, format in that folder's
/// README.md), found through TORCH_FIXTURES_DIR or by walking up from the test assembly.
/// </summary>
internal static class NnFixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static NnFixture Load(string caseName)
    {
        var path = Path.Combine(Directory, caseName + ".safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch fixture '{caseName}' is missing: {path}.", path);
        var (tensors, metadata) = SafeTensors.Load(path);
        return new NnFixture(caseName, tensors, metadata);
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TORCH_FIXTURES_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
            return System.IO.Directory.Exists(fromEnv) ? fromEnv : throw new DirectoryNotFoundException($"TORCH_FIXTURES_DIR={fromEnv} does not exist.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "torch");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No tests/fixtures/torch above {AppContext.BaseDirectory}; set TORCH_FIXTURES_DIR.");
    }

    /// <summary>Asserts |expected − actual| ≤ atol + rtol·|expected| element by element, naming the first miss.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, string what, double atol = 1e-6, double rtol = 1e-5)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape [{string.Join(", ", actual.Shape)}], expected [{string.Join(", ", expected.Shape)}]");
        var e = expected.Data;
        var a = actual.Data;
        for (int i = 0; i < e.Length; i++)
            if (!(Math.Abs(e[i] - a[i]) <= atol + rtol * Math.Abs(e[i])))
                Assert.Fail($"{what}: element {i} is {a[i]:R}, PyTorch has {e[i]:R} (|diff| {Math.Abs(e[i] - a[i]):E2})");
    }
}

/// <summary>One loaded case: its tensors by name, metadata and parsed config.</summary>
internal sealed class NnFixture(string caseName, Dictionary<string, SafeTensor> tensors, Dictionary<string, string> metadata)
{
    public string Case { get; } = caseName;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public JsonElement Config { get; } = JsonDocument.Parse(metadata["config"]).RootElement;

    public IEnumerable<string> Names => tensors.Keys;

    public bool Has(string name) => tensors.ContainsKey(name);

    public Tensor Tensor(string name) => Entry(name).ToTensor();

    public IndexTensor Indices(string name) => Entry(name).ToIndexTensor();

    /// <summary>The <c>param.*</c> tensors keyed by their state-dict key.</summary>
    public Dictionary<string, Tensor> Params() =>
        tensors.Keys.Where(k => k.StartsWith("param.", StringComparison.Ordinal)).ToDictionary(k => k["param.".Length..], Tensor);

    private SafeTensor Entry(string name) => tensors.TryGetValue(name, out var e) ? e
        : throw new KeyNotFoundException($"Fixture {Case} has no tensor '{name}' (it has {string.Join(", ", tensors.Keys.Order(StringComparer.Ordinal))}).");
}
