using System.Numerics;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, L2 weight decay and Nesterov
/// momentum (<c>torch.optim.SGD</c>, PyTorch 1.13 semantics). Per element, with d = grad + weight_decay · p:
/// the momentum buffer is d itself on the first step, then b = momentum · b + (1 − dampening) · d;
/// the update uses b (or d + momentum · b with Nesterov); p −= lr · update. State: <c>momentum_buffer</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private static readonly string[] Names = ["momentum_buffer"];

    /// <summary>One group over <paramref name="parameters"/>.</summary>
    public SGD(
        IEnumerable<Tensor> parameters,
        double lr,
        double momentum = 0,
        double dampening = 0,
        double weightDecay = 0,
        bool nesterov = false
    )
        : this(OneGroup(parameters), lr, momentum, dampening, weightDecay, nesterov) { }

    /// <summary>Several groups; an option a group leaves null takes the value given here.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum factor (0 = none).</param>
    /// <param name="dampening">Dampening of the momentum (not applied on the first step).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    /// <param name="nesterov">Nesterov momentum (needs momentum &gt; 0 and zero dampening).</param>
    public SGD(
        IEnumerable<ParamGroup> groups,
        double lr,
        double momentum = 0,
        double dampening = 0,
        double weightDecay = 0,
        bool nesterov = false
    )
        : base(groups)
    {
        if (!(dampening >= 0))
            throw new ArgumentOutOfRangeException(
                nameof(dampening),
                $"Invalid dampening value: {dampening} (expected >= 0)."
            );
        Dampening = dampening;
        Nesterov = nesterov;
        for (int g = 0; g < ParamGroups.Count; g++)
        {
            var group = ParamGroups[g];
            group.LearningRate ??= lr;
            group.Momentum ??= momentum;
            group.WeightDecay ??= weightDecay;
            if (!(group.LearningRate >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(lr),
                    $"Invalid learning rate {group.LearningRate} in group {g} (expected >= 0)."
                );
            if (!(group.Momentum >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(momentum),
                    $"Invalid momentum value {group.Momentum} in group {g} (expected >= 0)."
                );
            if (!(group.WeightDecay >= 0))
                throw new ArgumentOutOfRangeException(
                    nameof(weightDecay),
                    $"Invalid weight_decay value {group.WeightDecay} in group {g} (expected >= 0)."
                );
            if (nesterov && (group.Momentum <= 0 || dampening != 0))
                throw new ArgumentException(
                    $"Nesterov momentum requires a momentum and zero dampening (group {g} has momentum "
                        + $"{group.Momentum}, dampening {dampening}).",
                    nameof(nesterov)
                );
        }
    }

    /// <summary>Dampening of the momentum.</summary>
    public double Dampening { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override IReadOnlyCollection<string> StateNames => Names;

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Tensor parameter, Tensor grad, Dictionary<string, Tensor> state)
    {
        float negLr = (float)-Option(group.LearningRate, "learning rate");
        float wd = (float)Option(group.WeightDecay, "weight decay");
        float momentum = (float)Option(group.Momentum, "momentum");
        float keep = (float)(1 - Dampening);
        bool first = false;
        Span<float> b = default;
        if (momentum != 0)
        {
            first = !state.TryGetValue("momentum_buffer", out var buffer);
            if (first)
                state["momentum_buffer"] = buffer = Tensor.ZerosLike(parameter);
            b = buffer!.AsSpan();
        }
        Kernel(parameter.AsSpan(), grad.Data, b, negLr, wd, momentum, keep, first, Nesterov);
    }

    /// <summary>
    /// One step over the storage, in PyTorch's order of float32 operations: d = g + wd·p;
    /// b = d (first step) or b·momentum + (1 − dampening)·d; p += −lr · (b, or d + momentum·b with Nesterov).
    /// SIMD lanes round exactly like the scalar tail (no fused multiply-add).
    /// </summary>
    private static void Kernel(
        Span<float> p,
        ReadOnlySpan<float> g,
        Span<float> b,
        float negLr,
        float wd,
        float momentum,
        float keep,
        bool first,
        bool nesterov
    )
    {
        int done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
            var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
            var bv = MemoryMarshal.Cast<float, Vector<float>>(b);
            Vector<float> lr = new(negLr),
                decay = new(wd),
                mom = new(momentum),
                kept = new(keep);
            for (int i = 0; i < pv.Length; i++)
            {
                var d = wd == 0 ? gv[i] : gv[i] + decay * pv[i];
                if (momentum != 0)
                {
                    var bi = first ? d : bv[i] * mom + kept * d;
                    bv[i] = bi;
                    d = nesterov ? d + mom * bi : bi;
                }
                pv[i] += lr * d;
            }
            done = pv.Length * Vector<float>.Count;
        }
        for (int i = done; i < p.Length; i++)
        {
            float d = wd == 0 ? g[i] : g[i] + wd * p[i];
            if (momentum != 0)
            {
                float bi = first ? d : b[i] * momentum + keep * d;
                b[i] = bi;
                d = nesterov ? d + momentum * bi : bi;
            }
            p[i] += negLr * d;
        }
    }
}
