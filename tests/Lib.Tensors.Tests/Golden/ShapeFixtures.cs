using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// PyTorch reference cases for the shape and indexing ops (tests/fixtures/torch/&lt;case&gt;.safetensors,
/// written by make_fixtures.py): the folder is TORCH_FIXTURES_DIR when set, else tests/fixtures/torch
/// found by walking up from the test assembly.
/// </summary>
internal static class ShapeFixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The case's tensors (<c>input.*</c>, <c>output.*</c>, <c>upstream.*</c>, <c>grad.*</c>) and metadata.</summary>
    public static ShapeCase Load(string name)
    {
        var path = Path.Combine(Folder.Value, name + ".safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch fixture '{name}' is missing: expected {path}.", path);
        var (tensors, metadata) = SafeTensors.Load(path);
        return new ShapeCase(name, tensors, metadata);
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TORCH_FIXTURES_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
            return Directory.Exists(fromEnv) ? fromEnv : throw new DirectoryNotFoundException($"TORCH_FIXTURES_DIR is '{fromEnv}', which is not a folder.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "torch");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No tests/fixtures/torch above {AppContext.BaseDirectory}; set TORCH_FIXTURES_DIR.");
    }
}

/// <summary>One loaded fixture case.</summary>
internal sealed class ShapeCase(string name, Dictionary<string, SafeTensor> tensors, Dictionary<string, string> metadata)
{
    public string Name => name;

    /// <summary>A float tensor by its stored name.</summary>
    public Tensor Tensor(string key) => Lib.Tensors.Tensor.FromArray(Entry(key).ToFloat32(), Entry(key).Shape);

    /// <summary>An I64 tensor by its stored name, as indices.</summary>
    public IndexTensor Index(string key)
    {
        var entry = Entry(key);
        var values = entry.ToFloat32();
        return IndexTensor.FromArray(Array.ConvertAll(values, v => checked((int)v)), entry.Shape);
    }

    /// <summary>The <c>config</c> metadata (the keyword arguments PyTorch was called with).</summary>
    public JsonElement Config => JsonDocument.Parse(metadata.TryGetValue("config", out var c) ? c : "{}").RootElement;

    /// <summary>Asserts that <paramref name="actual"/> has the stored tensor's shape and values within tolerance.</summary>
    public void AssertClose(string key, Tensor? actual, float atol = 1e-5f, float rtol = 1e-5f)
    {
        Assert.True(actual is not null, $"{name}: no value to compare with {key}");
        var expected = Tensor(key);
        Assert.True(expected.Shape.SequenceEqual(actual!.Shape),
            $"{name}: {key} has shape [{string.Join(", ", actual.Shape)}], PyTorch [{string.Join(", ", expected.Shape)}]");
        var e = expected.Data;
        var a = actual.Data;
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= atol + rtol * Math.Abs(e[i]), $"{name}: {key} element {i} is {a[i]:G9}, PyTorch {e[i]:G9}");
    }

    private SafeTensor Entry(string key) =>
        tensors.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"{name}: no tensor '{key}' (has {string.Join(", ", tensors.Keys)}).");
}
