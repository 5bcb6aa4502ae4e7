namespace Lib.Tensors.NN;

/// <summary>
/// Binary cross entropy on logits (<c>nn.BCEWithLogitsLoss</c>); see
/// <see cref="Functional.BinaryCrossEntropyWithLogits"/>.
/// The weight and pos_weight, when given, are buffers <c>weight</c> and
/// <c>pos_weight</c> (saved in the state dict, not trained), as in PyTorch.
/// </summary>
public sealed class BCEWithLogitsLoss : Loss
{
    /// <summary>Creates the loss with optional per-element weight (broadcast to the input) and per-class positive
    /// weight.</summary>
    public BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? posWeight = null)
        : base(reduction)
    {
        if (weight is not null)
            Weight = RegisterBuffer("weight", weight);
        if (posWeight is not null)
            PosWeight = RegisterBuffer("pos_weight", posWeight);
    }

    /// <summary>The weight of each element's loss, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The weight of positive examples per class (last dimension), or null.</summary>
    public Tensor? PosWeight { get; }

    /// <summary>The loss of logits <paramref name="input"/> against probabilities <paramref name="target"/> (same
    /// shape).</summary>
    public Tensor Forward(Tensor input, Tensor target) =>
        Functional.BinaryCrossEntropyWithLogits(input, target, Weight, PosWeight, Reduction);
}
