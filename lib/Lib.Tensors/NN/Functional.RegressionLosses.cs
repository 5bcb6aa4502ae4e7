namespace Lib.Tensors.NN;

// Pointwise regression losses of d = input − target. L1 and MSE (the shipped models' and the benchmarks'
// losses) are fused ops (per-element values, the reduction, and a backward that applies the derivative in d
// to both input and target), with their compositions in Composed; Huber and smooth L1 are compositions.
public static partial class Functional
{
    /// <summary>Mean absolute error |input − target| (<c>F.l1_loss</c>); the gradient at a tie is 0.
    /// <paramref name="target"/> must have the input's shape.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        FusedOps.IsEnabled
            ? Pointwise<L1>(input, target, reduction, "L1Loss")
            : Composed.L1Loss(input, target, reduction);

    /// <summary>Mean squared error (input − target)² (<c>F.mse_loss</c>).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        FusedOps.IsEnabled
            ? Pointwise<Squared>(input, target, reduction, "MseLoss")
            : Composed.MseLoss(input, target, reduction);

    /// <summary>Huber loss (<c>F.huber_loss</c>): 0.5·d² where |d| ≤ <paramref name="delta"/>, else
    /// delta·(|d| − 0.5·delta). <paramref name="delta"/> must be positive. Composed from primitives: with
    /// m = min(|d|, delta), the loss is 0.5·m² + delta·(|d| − m), whose gradient is d inside and ±delta
    /// outside.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, float delta = 1f, Reduction reduction = Reduction.Mean)
    {
        if (!(delta > 0f))
            throw new ArgumentException($"HuberLoss: delta must be positive, got {delta}.", nameof(delta));
        LossSupport.CheckSameShape(input, target, "HuberLoss");
        return LossSupport.Reduce(Huber(input - target, delta), reduction, "HuberLoss");
    }

    /// <summary>Smooth L1 loss (<c>F.smooth_l1_loss</c>): 0.5·d²/<paramref name="beta"/> where |d| &lt; beta,
    /// else |d| − 0.5·beta (Huber divided by beta, composed so); beta = 0 is the L1 loss. beta must not be
    /// negative.</summary>
    public static Tensor SmoothL1Loss(
        Tensor input,
        Tensor target,
        float beta = 1f,
        Reduction reduction = Reduction.Mean
    )
    {
        if (!(beta >= 0f))
            throw new ArgumentException($"SmoothL1Loss: beta must not be negative, got {beta}.", nameof(beta));
        if (beta == 0f)
            return L1Loss(input, target, reduction);
        LossSupport.CheckSameShape(input, target, "SmoothL1Loss");
        return LossSupport.Reduce(Huber(input - target, beta) / beta, reduction, "SmoothL1Loss");
    }

    /// <summary>Huber's per-element loss of <paramref name="d"/>: 0.5·m² + delta·(|d| − m), m = min(|d|,
    /// delta).</summary>
    private static Tensor Huber(Tensor d, float delta)
    {
        var size = d.Abs();
        var quadratic = size.Clamp(max: delta);
        return 0.5f * quadratic * quadratic + delta * (size - quadratic);
    }

    private interface IPointwiseLoss
    {
        /// <summary>The loss of difference <paramref name="d"/>.</summary>
        static abstract float Value(float d);

        /// <summary>Its derivative in d.</summary>
        static abstract float Derivative(float d);
    }

    private readonly struct L1 : IPointwiseLoss
    {
        public static float Value(float d) => MathF.Abs(d);

        public static float Derivative(float d) =>
            d > 0f ? 1f
            : d < 0f ? -1f
            : 0f;
    }

    private readonly struct Squared : IPointwiseLoss
    {
        public static float Value(float d) => d * d;

        public static float Derivative(float d) => 2f * d;
    }

    private static Tensor Pointwise<TLoss>(Tensor input, Tensor target, Reduction reduction, string name)
        where TLoss : IPointwiseLoss
    {
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckSameShape(input, target, name);
        int n = input.NumEl;
        float[] x = input._data,
            t = target._data;
        var values = TensorStorage.Zeroed(n);
        for (int i = 0; i < n; i++)
            values[i] = TLoss.Value(x[i] - t[i]);
        var result = LossSupport.Reduce(values, input._shape, reduction, n);
        return Tensor.Record(result, name + "Backward", [input, target], g =>
        {
            var up = LossSupport.Upstream(g, n, reduction, n);
            var dx = TensorStorage.Uninitialized(n);
            for (int i = 0; i < n; i++)
                dx[i] = TLoss.Derivative(x[i] - t[i]) * up[i];
            var gradInput = new Tensor(dx, input._shape);
            return [input.RequiresGrad ? gradInput : null, target.RequiresGrad ? gradInput.Neg() : null];
        });
    }
}
