namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Binary cross entropy on logits (<c>F.binary_cross_entropy_with_logits</c>), in the stable form
    /// <c>(1 − t)·x + l·(max(−x, 0) + log(1 + e^−|x|))</c> with <c>l = 1 + (posWeight − 1)·t</c>, which is
    /// <c>−[posWeight·t·log σ(x) + (1 − t)·log(1 − σ(x))]</c>, times <paramref name="weight"/>.
    /// <paramref name="target"/> (probabilities in [0, 1]) has the input's shape; <paramref name="weight"/>
    /// broadcasts to it, and <paramref name="posWeight"/> (one per class, the last dimension) likewise.
    /// Gradients flow to input and target; weight and posWeight are constants, as in PyTorch.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(
        Tensor input,
        Tensor target,
        Tensor? weight = null,
        Tensor? posWeight = null,
        Reduction reduction = Reduction.Mean
    )
    {
        const string name = "BinaryCrossEntropyWithLogits";
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckSameShape(input, target, name);
        var w = BroadcastConstant(weight, input, name, nameof(weight));
        var pw = BroadcastConstant(posWeight, input, name, nameof(posWeight));
        if (!FusedOps.IsEnabled)
            return Composed.BinaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
        int n = input.NumEl;
        float[] x = input._data,
            t = target._data;
        bool plain = w is null && pw is null;
        var values = TensorStorage.Uninitialized(n);
        if (plain)
            Ops.Lanes.Map<BceLanes.Value>(x, t, values);
        else
            for (int i = 0; i < n; i++)
            {
                float l = pw is null ? 1f : 1f + (pw[i] - 1f) * t[i];
                float value = (1f - t[i]) * x[i] + l * SoftplusOfNegative(x[i]);
                values[i] = w is null ? value : value * w[i];
            }
        var result = LossSupport.Reduce(values, input._shape, reduction, n);
        return Tensor.Record(result, "BinaryCrossEntropyWithLogitsBackward", [input, target], g =>
        {
            float[]? dx = input.RequiresGrad ? TensorStorage.Uninitialized(n) : null;
            float[]? dt = target.RequiresGrad ? TensorStorage.Uninitialized(n) : null;
            if (plain)
            {
                // d/dx = σ(x) − t and d/dt = −x, times the upstream gradient.
                if (dx is not null)
                {
                    Ops.Lanes.Map<BceLanes.Slope>(x, t, dx);
                    LossSupport.ScaleByUpstream(dx, g, reduction, n);
                }
                if (dt is not null)
                {
                    System.Numerics.Tensors.TensorPrimitives.Negate(x, dt);
                    LossSupport.ScaleByUpstream(dt, g, reduction, n);
                }
                return
                [
                    dx is null ? null : new Tensor(dx, input._shape),
                    dt is null ? null : new Tensor(dt, target._shape),
                ];
            }
            var up = LossSupport.Upstream(g, n, reduction, n);
            for (int i = 0; i < n; i++)
            {
                float scale = w is null ? up[i] : up[i] * w[i];
                float p = pw is null ? 1f : pw[i];
                // d/dx = (1 + (p − 1)·t)·σ(x) − p·t;  d/dt = −x + (p − 1)·softplus(−x)
                if (dx is not null)
                    dx[i] = scale * ((1f + (p - 1f) * t[i]) * Sigmoid(x[i]) - p * t[i]);
                if (dt is not null)
                    dt[i] = scale * (-x[i] + (p - 1f) * SoftplusOfNegative(x[i]));
            }
            return
            [
                dx is null ? null : new Tensor(dx, input._shape),
                dt is null ? null : new Tensor(dt, target._shape),
            ];
        });
    }

    /// <summary>log(1 + e^−x) without overflow: max(−x, 0) + log(1 + e^−|x|).</summary>
    private static float SoftplusOfNegative(float x) => MathF.Max(-x, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>A constant's values broadcast to the input's shape, or null; an error names the argument when it does
    /// not broadcast.</summary>
    private static float[]? BroadcastConstant(Tensor? constant, Tensor input, string loss, string argument)
    {
        if (constant is null)
            return null;
        bool fits;
        try
        {
            fits = Ops.Broadcast.Shapes(constant._shape, input._shape).AsSpan().SequenceEqual(input._shape);
        }
        catch (ArgumentException)
        {
            fits = false;
        }
        if (!fits)
            throw new ArgumentException(
                $"{loss}: {argument} of shape {Tensor.ShapeText(constant.Shape)} does not broadcast to the "
                    + $"input's shape {Tensor.ShapeText(input.Shape)}.",
                argument
            );
        return constant.Detach().Expand(input._shape)._data;
    }
}
