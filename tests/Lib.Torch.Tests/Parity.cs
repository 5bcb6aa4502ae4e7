using Lib.Tensors;
using Xunit.Abstractions;
using TorchSharp;
using EngineModule = Lib.Tensors.NN.Module;
using EngineTensor = Lib.Tensors.Tensor;
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

    /// <summary>The bound for outputs from the same weights: 1e-5 max abs, float32.</summary>
    public const float Outputs = 1e-5f;

    /// <summary>Both sides have the same state-dict keys with the same shapes.</summary>
    public static void SameKeys(EngineModule engine, TorchModule twin)
    {
        var ours = engine.StateDict();
        var theirs = twin.state_dict();
        Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), theirs.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in ours)
            Assert.Equal(value.Shape.Select(d => (long)d), theirs[key].shape);
    }

    /// <summary>Max |expected − actual| ≤ <paramref name="tolerance"/>, element by element, same shape.</summary>
    public static void Close(EngineTensor expected, torch.Tensor actual, string what, float tolerance = Outputs)
    {
        Assert.Equal(expected.Shape.Select(d => (long)d), actual.shape);
        var a = TorchState.ToEngine(actual).ToArray();
        var e = expected.ToArray();
        float worst = 0;
        int at = -1;
        for (int i = 0; i < e.Length; i++)
        {
            float d = Math.Abs(e[i] - a[i]);
            if (!(d <= worst))
            {
                worst = d;
                at = i;
            }
        }
        if (worst <= tolerance)
            return;
        Assert.Fail(
            $"{what}: max |engine − TorchSharp| = {worst:G3} at {at} (engine {e[at]:G9}, TorchSharp {a[at]:G9}), "
                + $"bound {tolerance:G3}."
        );
    }

    /// <summary>Every parameter's gradient, by key: |engine − TorchSharp| ≤ <paramref name="tolerance"/> ·
    /// (1 + max |engine grad of that parameter|) (a bound relative to the parameter's gradient scale: a gradient is a
    /// sum over the batch, and the two sides sum in different orders).</summary>
    public static void SameGradients(EngineModule engine, TorchModule twin, float tolerance = 1e-4f)
    {
        var theirs = twin.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        int compared = 0;
        foreach (var (key, parameter) in engine.NamedParameters())
        {
            var grad = parameter.Grad;
            var other = theirs[key].grad;
            if (grad is null)
            {
                Assert.True(
                    other is null || other.abs().max().item<float>() == 0f,
                    $"{key}: only TorchSharp has a grad."
                );
                continue;
            }
            Assert.True(other is not null, $"{key}: the engine has a gradient, TorchSharp none.");
            float scale = 1 + grad.ToArray().Max(Math.Abs);
            Close(grad, other!, $"grad of {key}", tolerance * scale);
            compared++;
        }
        Assert.True(compared > 0, "No gradient was compared.");
    }

    /// <summary>A tensor of the twin's, as an engine tensor (a copy).</summary>
    public static EngineTensor Engine(torch.Tensor t) => TorchState.ToEngine(t);

    /// <summary>An engine tensor as a TorchSharp one (a copy).</summary>
    public static torch.Tensor Torch(EngineTensor t) => TorchState.ToTorch(t);
}
