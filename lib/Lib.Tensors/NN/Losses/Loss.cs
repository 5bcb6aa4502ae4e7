namespace Lib.Tensors.NN;

// The loss modules live in NN/Losses but in the Lib.Tensors.NN namespace, beside the other layers,
// as PyTorch keeps them in torch.nn.

/// <summary>The base of the loss modules (PyTorch's <c>_Loss</c>): how per-element losses are combined.</summary>
public abstract class Loss : Module
{
    /// <summary>Checks and keeps <paramref name="reduction"/>.</summary>
    protected Loss(Reduction reduction)
    {
        LossSupport.CheckReduction(reduction, GetType().Name);
        Reduction = reduction;
    }

    /// <summary>None, Mean (the default) or Sum.</summary>
    public Reduction Reduction { get; }
}
