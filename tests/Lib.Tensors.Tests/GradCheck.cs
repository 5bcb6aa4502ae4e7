using Lib.Tensors.Autograd;

namespace Lib.Tensors.Tests;

/// <summary>
/// Central finite differences against autograd: for L = Σ f(inputs) ⊙ u with a fixed random u,
/// dL/dx from Backward() must match (L(x + ε) − L(x − ε)) / 2ε for every element of every input, with the
/// analytic gradients computed in every <see cref="EngineModes"/> mode (pooled and plain allocators, fused and composed ops).
/// </summary>
public static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, float eps = 1e-2f, float atol = 2e-2f, float rtol = 2e-2f, long seed = 1)
    {
        var analytic = new float[inputs.Length][][];
        for (int n = 0; n < inputs.Length; n++) analytic[n] = new float[EngineModes.All.Length][];
        Tensor? upstream = null;
        for (int mode = 0; mode < EngineModes.All.Length; mode++)
            using (EngineModes.Enter(EngineModes.All[mode]))
            {
                foreach (var x in inputs) { x.RequiresGrad = true; x.Grad = null; }
                var output = f(inputs);
                upstream ??= Tensor.Randn(new Generator(seed), [.. output.Shape]);
                output.Mul(upstream).Sum().Backward();
                for (int n = 0; n < inputs.Length; n++)
                {
                    Assert.True(inputs[n].Grad is not null, $"input {n} received no gradient ({EngineModes.All[mode]})");
                    analytic[n][mode] = inputs[n].Grad!.ToArray();
                }
            }
        for (int n = 0; n < inputs.Length; n++)
        {
            var x = inputs[n];
            var data = x.AsSpan();
            for (int i = 0; i < data.Length; i++)
            {
                float saved = data[i];
                data[i] = saved + eps;
                double plus = Loss(f, inputs, upstream!);
                data[i] = saved - eps;
                double minus = Loss(f, inputs, upstream!);
                data[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double tolerance = atol + rtol * Math.Abs(numeric);
                for (int mode = 0; mode < EngineModes.All.Length; mode++)
                    Assert.True(Math.Abs(analytic[n][mode][i] - numeric) <= tolerance,
                        $"input {n} element {i}: autograd {analytic[n][mode][i]:G6} ({EngineModes.All[mode]}) vs finite difference {numeric:G6}");
            }
        }
    }

    private static double Loss(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor upstream)
    {
        using var _ = GradMode.NoGrad();
        var output = f(inputs).Data;
        double sum = 0;
        for (int i = 0; i < output.Length; i++) sum += (double)output[i] * upstream.Data[i];
        return sum;
    }

    /// <summary>A seeded N(0, 1) tensor of <paramref name="shape"/>.</summary>
    public static Tensor Randn(long seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape);

    /// <summary>A seeded tensor with values in [low, high).</summary>
    public static Tensor Uniform(long seed, float low, float high, params int[] shape) => Tensor.Uniform(new Generator(seed), low, high, shape);
}
