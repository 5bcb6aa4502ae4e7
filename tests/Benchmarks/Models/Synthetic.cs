using Lib.Tensors;

namespace Benchmarks.Models;

/// <summary>The synthetic-data draws the PyTorch scripts use (<c>torch.randint</c>, <c>torch.rand(..) &lt; p</c>), from an explicit generator.</summary>
internal static class Synthetic
{
    /// <summary>Integers uniform in [<paramref name="low"/>, <paramref name="high"/>) (<c>torch.randint(low, high, shape)</c>).</summary>
    public static IndexTensor RandInt(Generator generator, int low, int high, params int[] shape)
    {
        var index = IndexTensor.Zeros(shape);
        var data = index.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = low + generator.NextInt(high - low);
        return index;
    }

    /// <summary>1 with probability <paramref name="p"/>, else 0 (<c>(torch.rand(shape) &lt; p).float()</c>).</summary>
    public static Tensor Bernoulli(Generator generator, double p, params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        var data = t.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = generator.NextDouble() < p ? 1f : 0f;
        return t;
    }
}
