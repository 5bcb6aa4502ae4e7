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
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : this(OneGroup(parameters), lr, momentum, dampening, weightDecay, nesterov) { }

    /// <summary>Several groups; an option a group leaves null takes the value given here.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum factor (0 = none).</param>
    /// <param name="dampening">Dampening of the momentum (not applied on the first step).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    /// <param name="nesterov">Nesterov momentum (needs momentum &gt; 0 and zero dampening).</param>
    public SGD(IEnumerable<ParamGroup> groups, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(groups)
    {
        if (!(dampening >= 0)) throw new ArgumentOutOfRangeException(nameof(dampening), $"Invalid dampening value: {dampening} (expected >= 0).");
        Dampening = dampening;
        Nesterov = nesterov;
        for (int g = 0; g < ParamGroups.Count; g++)
        {
            var group = ParamGroups[g];
            group.LearningRate ??= lr;
            group.Momentum ??= momentum;
            group.WeightDecay ??= weightDecay;
            if (!(group.LearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(lr), $"Invalid learning rate {group.LearningRate} in group {g} (expected >= 0).");
            if (!(group.Momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"Invalid momentum value {group.Momentum} in group {g} (expected >= 0).");
            if (!(group.WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value {group.WeightDecay} in group {g} (expected >= 0).");
            if (nesterov && (group.Momentum <= 0 || dampening != 0))
                throw new ArgumentException($"Nesterov momentum requires a momentum and zero dampening (group {g} has momentum {group.Momentum}, dampening {dampening}).", nameof(nesterov));
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
        var p = parameter.AsSpan();
        var g = grad.Data;
        if (momentum == 0)
        {
            for (int i = 0; i < p.Length; i++) p[i] += negLr * (wd == 0 ? g[i] : g[i] + wd * p[i]);
            return;
        }
        bool first = !state.TryGetValue("momentum_buffer", out var buffer);
        if (first) state["momentum_buffer"] = buffer = Tensor.ZerosLike(parameter);
        var b = buffer!.AsSpan();
        for (int i = 0; i < p.Length; i++)
        {
            float d = wd == 0 ? g[i] : g[i] + wd * p[i];
            float bi = first ? d : b[i] * momentum + keep * d;
            b[i] = bi;
            p[i] += negLr * (Nesterov ? d + momentum * bi : bi);
        }
    }
}
