using Lib.Tensors;
using Xunit.Abstractions;
using TorchSharp;
using EngineModule = Lib.Tensors.NN.Module;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Tests;

/// <summary>Comparisons between an engine model and its twin.</summary>
internal static class Parity
{
    /// <summary>The largest absolute difference between two arrays of the same length.</summary>
    public static double MaxAbs(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < expected.Length; i++)
            max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        return max;
    }

    /// <summary>Asserts max |expected − actual| ≤ <paramref name="tolerance"/>, naming <paramref name="what"/>.</summary>
    public static void Close(float[] expected, float[] actual, double tolerance, string what, ITestOutputHelper? log = null)
    {
        var diff = MaxAbs(expected, actual);
        log?.WriteLine($"{what}: max abs difference {diff:G3} over {expected.Length} values");
        Assert.True(diff <= tolerance, $"{what}: max abs difference {diff:G3} > {tolerance:G3}");
    }

    /// <summary>Values of a TorchSharp tensor on the CPU.</summary>
    public static float[] Values(torch.Tensor t)
    {
        using var cpu = t.detach().cpu().contiguous();
        return cpu.data<float>().ToArray();
    }

    /// <summary>Sets every parameter of the engine model to N(0, <paramref name="std"/>) values, so that nothing
    /// (zero-initialised output layers included) makes the comparison trivial.</summary>
    public static void Randomise(EngineModule model, int seed, float std = 0.3f)
    {
        var g = new Generator(seed);
        foreach (var (_, p) in model.NamedParameters())
        {
            var noise = Tensor.Randn(g, [.. p.Shape]).ToArray();
            var span = p.AsSpan();
            for (int i = 0; i < span.Length; i++)
                span[i] = std * noise[i];
        }
    }

    /// <summary>Compares every parameter's gradient by state-dict key (a missing gradient counts as zeros) and returns
    /// the largest difference relative to the largest gradient of that parameter.</summary>
    public static void GradientsClose(EngineModule engine, TorchModule twin, double tolerance, ITestOutputHelper? log = null)
    {
        double worst = 0;
        string worstName = "";
        var twinGrads = twin.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        var engineParameters = engine.NamedParameters().ToList();
        Assert.Equal(engineParameters.Select(p => p.Name).Order(), twinGrads.Keys.Order());
        foreach (var (name, p) in engineParameters)
        {
            var e = p.Grad?.ToArray() ?? new float[p.NumEl];
            var t = twinGrads[name] is { } g ? Values(g) : new float[p.NumEl];
            var scale = Math.Max(1.0, e.Max(v => Math.Abs(v)));
            var diff = MaxAbs(e, t);
            if (diff / scale > worst)
                (worst, worstName) = (diff / scale, name);
            Assert.True(diff <= tolerance * scale, $"grad of '{name}': max abs difference {diff:G3} (scale {scale:G3})");
        }
        log?.WriteLine($"gradients of {engineParameters.Count} parameters: worst scaled difference {worst:G3} ({worstName})");
    }
}
