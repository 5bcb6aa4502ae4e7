using System.Numerics;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Optim;

/// <summary>
/// Adam (<c>torch.optim.Adam</c>, PyTorch 1.13 semantics): weight decay is coupled L2 (added to the
/// gradient before the moments). Per element, at step t: m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g²,
/// p −= lr / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + eps), with the bias corrections in double precision.
/// With <c>amsgrad</c> the running maximum of v replaces v. State: <c>step</c> (0-dim), <c>exp_avg</c>,
/// <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>.
/// </summary>
public class Adam : Optimizer
{
    private static readonly string[] Names = ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    /// <summary>One group over <paramref name="parameters"/>.</summary>
    public Adam(
        IEnumerable<Tensor> parameters,
        double lr = 1e-3,
        (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8,
        double weightDecay = 0,
        bool amsgrad = false
    )
        : this(OneGroup(parameters), lr, betas, eps, weightDecay, amsgrad) { }

    /// <summary>Several groups; an option a group leaves null takes the value given here.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="betas">Decay rates of the first and second moments (default (0.9, 0.999)).</param>
    /// <param name="eps">Added to the denominator, after the bias correction.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    /// <param name="amsgrad">Use the running maximum of the second moment (AMSGrad).</param>
    public Adam(
        IEnumerable<ParamGroup> groups,
        double lr = 1e-3,
        (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8,
        double weightDecay = 0,
        bool amsgrad = false
    )
        : base(groups)
    {
        Amsgrad = amsgrad;
        for (int g = 0; g < ParamGroups.Count; g++)
        {
            var group = ParamGroups[g];
            group.LearningRate ??= lr;
            group.Betas ??= betas ?? (0.9, 0.999);
            group.Eps ??= eps;
            group.WeightDecay ??= weightDecay;
            if (!(group.LearningRate >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(lr),
                    $"Invalid learning rate {group.LearningRate} in group {g} (expected >= 0)."
                );
            if (!(group.Eps >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(eps),
                    $"Invalid epsilon value {group.Eps} in group {g} (expected >= 0)."
                );
            var (b1, b2) = group.Betas.Value;
            if (!(b1 >= 0 && b1 < 1))
                throw new ArgumentOutOfRangeException(
                    nameof(betas),
                    $"Invalid beta parameter at index 0: {b1} in group {g} (expected [0, 1))."
                );
            if (!(b2 >= 0 && b2 < 1))
                throw new ArgumentOutOfRangeException(
                    nameof(betas),
                    $"Invalid beta parameter at index 1: {b2} in group {g} (expected [0, 1))."
                );
            if (!(group.WeightDecay >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(weightDecay),
                    $"Invalid weight_decay value {group.WeightDecay} in group {g} (expected >= 0)."
                );
        }
    }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool Amsgrad { get; }

    /// <summary>Weight decay is decoupled (AdamW) rather than L2 added to the gradient.</summary>
    private protected virtual bool Decoupled => false;

    /// <inheritdoc/>
    protected override IReadOnlyCollection<string> StateNames => Names;

    /// <inheritdoc/>
    protected override void ValidateState(string key, IReadOnlyDictionary<string, Tensor> state)
    {
        foreach (var name in Amsgrad ? Names : Names[..3])
            if (!state.ContainsKey(name))
                throw new ArgumentException(
                    $"Optimizer state for parameter {key} has no '{name}' (a {GetType().Name} state needs "
                        + $"{string.Join(", ", Amsgrad ? Names : Names[..3])}).",
                    nameof(state)
                );
    }

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Tensor parameter, Tensor grad, Dictionary<string, Tensor> state)
    {
        double lr = Option(group.LearningRate, "learning rate");
        var (beta1, beta2) = group.Betas ?? throw new InvalidOperationException("The parameter group has no betas.");
        double weightDecay = Option(group.WeightDecay, "weight decay");
        if (!state.TryGetValue("step", out var stepTensor))
        {
            state["step"] = stepTensor = Tensor.Scalar(0f);
            state["exp_avg"] = Tensor.ZerosLike(parameter);
            state["exp_avg_sq"] = Tensor.ZerosLike(parameter);
            if (Amsgrad)
                state["max_exp_avg_sq"] = Tensor.ZerosLike(parameter);
        }
        float step = ++stepTensor.AsSpan()[0];
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        var k = new Coefficients(
            Shrink: Decoupled ? (float)(1 - lr * weightDecay) : 1f,
            WeightDecay: Decoupled ? 0f : (float)weightDecay,
            Beta1: (float)beta1,
            OneMinusBeta1: (float)(1 - beta1),
            Beta2: (float)beta2,
            OneMinusBeta2: (float)(1 - beta2),
            BiasCorrection2Sqrt: (float)Math.Sqrt(biasCorrection2),
            Eps: (float)Option(group.Eps, "eps"),
            NegStepSize: (float)(-lr / biasCorrection1)
        );
        Kernel(
            parameter.AsSpan(),
            grad.Data,
            state["exp_avg"].AsSpan(),
            state["exp_avg_sq"].AsSpan(),
            Amsgrad ? state["max_exp_avg_sq"].AsSpan() : default,
            Amsgrad,
            k
        );
    }

    private readonly record struct Coefficients(
        float Shrink,
        float WeightDecay,
        float Beta1,
        float OneMinusBeta1,
        float Beta2,
        float OneMinusBeta2,
        float BiasCorrection2Sqrt,
        float Eps,
        float NegStepSize
    );

    /// <summary>
    /// One step over the storage, in PyTorch's order of float32 operations: p *= shrink (AdamW);
    /// g += wd·p (Adam); m = m·β1 + (1−β1)·g; v = v·β2 + (1−β2)·g·g; p += (−step_size·m) / (√v / √bc2 + eps).
    /// SIMD lanes round exactly like the scalar tail (no fused multiply-add), so results do not depend on the width.
    /// </summary>
    private static void Kernel(
        Span<float> p,
        ReadOnlySpan<float> g,
        Span<float> m,
        Span<float> v,
        Span<float> max,
        bool amsgrad,
        Coefficients k
    )
    {
        int done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
            var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
            var mv = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            var xv = MemoryMarshal.Cast<float, Vector<float>>(max);
            Vector<float> shrink = new(k.Shrink),
                wd = new(k.WeightDecay),
                b1 = new(k.Beta1),
                c1 = new(k.OneMinusBeta1),
                b2 = new(k.Beta2),
                c2 = new(k.OneMinusBeta2),
                bc2 = new(k.BiasCorrection2Sqrt),
                eps = new(k.Eps),
                step = new(k.NegStepSize);
            for (int i = 0; i < pv.Length; i++)
            {
                var pi = pv[i] * shrink;
                var gi = k.WeightDecay == 0 ? gv[i] : gv[i] + wd * pi;
                var mi = mv[i] * b1 + c1 * gi;
                var vi = vv[i] * b2 + c2 * gi * gi;
                mv[i] = mi;
                vv[i] = vi;
                if (amsgrad)
                    xv[i] = vi = Vector.Max(xv[i], vi);
                pv[i] = pi + step * mi / (Vector.SquareRoot(vi) / bc2 + eps);
            }
            done = pv.Length * Vector<float>.Count;
        }
        for (int i = done; i < p.Length; i++)
        {
            float pi = p[i] * k.Shrink;
            float gi = k.WeightDecay == 0 ? g[i] : g[i] + k.WeightDecay * pi;
            float mi = m[i] * k.Beta1 + k.OneMinusBeta1 * gi;
            float vi = v[i] * k.Beta2 + k.OneMinusBeta2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            if (amsgrad)
                max[i] = vi = Math.Max(max[i], vi);
            p[i] = pi + k.NegStepSize * mi / (MathF.Sqrt(vi) / k.BiasCorrection2Sqrt + k.Eps);
        }
    }
}
