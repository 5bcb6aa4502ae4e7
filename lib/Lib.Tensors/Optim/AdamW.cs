namespace Lib.Tensors.Optim;

/// <summary>
/// Adam with decoupled weight decay (<c>torch.optim.AdamW</c>, PyTorch 1.13 semantics): before the Adam
/// update, p *= 1 − lr · weight_decay; the gradient itself is not changed. Default weight decay 0.01.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    public AdamW(
        IEnumerable<Tensor> parameters,
        double lr = 1e-3,
        (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8,
        double weightDecay = 1e-2,
        bool amsgrad = false
    )
        : base(parameters, lr, betas, eps, weightDecay, amsgrad) { }

    /// <summary>Several groups; an option a group leaves null takes the value given here.</summary>
    public AdamW(
        IEnumerable<ParamGroup> groups,
        double lr = 1e-3,
        (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8,
        double weightDecay = 1e-2,
        bool amsgrad = false
    )
        : base(groups, lr, betas, eps, weightDecay, amsgrad) { }

    private protected override bool Decoupled => true;
}
