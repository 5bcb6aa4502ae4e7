namespace Lib.Tensors.NN;

// Pointwise regression losses of d = input − target: one fused op each (per-element values, the
// reduction, and a backward that applies the derivative in d to both input and target).
public static partial class Functional
{
    /// <summary>Mean absolute error |input − target| (<c>F.l1_loss</c>); the gradient at a tie is 0.
    /// <paramref name="target"/> must have the input's shape.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Pointwise<L1>(input, target, 0f, reduction, "L1Loss");

    /// <summary>Mean squared error (input − target)² (<c>F.mse_loss</c>).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Pointwise<Squared>(input, target, 0f, reduction, "MseLoss");

    /// <summary>Huber loss (<c>F.huber_loss</c>): 0.5·d² where |d| ≤ <paramref name="delta"/>, else
    /// delta·(|d| − 0.5·delta). <paramref name="delta"/> must be positive.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, float delta = 1f, Reduction reduction = Reduction.Mean)
    {
        if (!(delta > 0f)) throw new ArgumentException($"HuberLoss: delta must be positive, got {delta}.", nameof(delta));
        return Pointwise<Huber>(input, target, delta, reduction, "HuberLoss");
    }

    /// <summary>Smooth L1 loss (<c>F.smooth_l1_loss</c>): 0.5·d²/<paramref name="beta"/> where |d| &lt; beta,
    /// else |d| − 0.5·beta (Huber divided by beta); beta = 0 is the L1 loss. beta must not be negative.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, float beta = 1f, Reduction reduction = Reduction.Mean)
    {
        if (!(beta >= 0f)) throw new ArgumentException($"SmoothL1Loss: beta must not be negative, got {beta}.", nameof(beta));
        return beta == 0f
            ? Pointwise<L1>(input, target, 0f, reduction, "SmoothL1Loss")
            : Pointwise<SmoothL1>(input, target, beta, reduction, "SmoothL1Loss");
    }

    private interface IPointwiseLoss
    {
        /// <summary>The loss of difference <paramref name="d"/> with parameter <paramref name="k"/> (delta, beta).</summary>
        static abstract float Value(float d, float k);
        /// <summary>Its derivative in d.</summary>
        static abstract float Derivative(float d, float k);
    }

    private readonly struct L1 : IPointwiseLoss
    {
        public static float Value(float d, float k) => MathF.Abs(d);
        public static float Derivative(float d, float k) => d > 0f ? 1f : d < 0f ? -1f : 0f;
    }

    private readonly struct Squared : IPointwiseLoss
    {
        public static float Value(float d, float k) => d * d;
        public static float Derivative(float d, float k) => 2f * d;
    }

    private readonly struct Huber : IPointwiseLoss
    {
        public static float Value(float d, float k) => MathF.Abs(d) <= k ? 0.5f * d * d : k * (MathF.Abs(d) - 0.5f * k);
        public static float Derivative(float d, float k) => d < -k ? -k : d > k ? k : d;
    }

    private readonly struct SmoothL1 : IPointwiseLoss
    {
        public static float Value(float d, float k) => MathF.Abs(d) < k ? 0.5f * d * d / k : MathF.Abs(d) - 0.5f * k;
        public static float Derivative(float d, float k) => d < -k ? -1f : d > k ? 1f : d / k;
    }

    private static Tensor Pointwise<TLoss>(Tensor input, Tensor target, float k, Reduction reduction, string name) where TLoss : IPointwiseLoss
    {
        LossSupport.CheckReduction(reduction, name);
        LossSupport.CheckSameShape(input, target, name);
        int n = input.NumEl;
        float[] x = input._data, t = target._data;
        var values = TensorStorage.Zeroed(n);
        for (int i = 0; i < n; i++) values[i] = TLoss.Value(x[i] - t[i], k);
        var result = LossSupport.Reduce(values, input._shape, reduction, n);
        return Tensor.Record(result, name + "Backward", [input, target], g =>
        {
            var up = LossSupport.Upstream(g, n, reduction, n);
            var dx = TensorStorage.Uninitialized(n);
            for (int i = 0; i < n; i++) dx[i] = TLoss.Derivative(x[i] - t[i], k) * up[i];
            var gradInput = new Tensor(dx, input._shape);
            return [input.RequiresGrad ? gradInput : null, target.RequiresGrad ? gradInput.Neg() : null];
        });
    }
}
