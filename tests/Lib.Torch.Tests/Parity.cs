using TorchSharp;
using EngineModule = Lib.Tensors.NN.Module;
using EngineTensor = Lib.Tensors.Tensor;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Tests;

/// <summary>Comparisons between an engine model and its twin: keys, values and gradients by state-dict key.</summary>
internal static class Parity
{
    /// <summary>The bound for outputs from the same weights: 1e-5 max abs, float32.</summary>
    public const float Outputs = 1e-5f;

    /// <summary>The repository root (the folder holding Lib.sln).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Lib.sln not found above the test output.");
    }

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
