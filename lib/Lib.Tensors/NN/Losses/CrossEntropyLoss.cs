namespace Lib.Tensors.NN;

/// <summary>
/// Cross entropy of logits against class indices (<c>nn.CrossEntropyLoss</c>); see
/// <see cref="Functional.CrossEntropy"/>.
/// A class weight, when given, is the buffer <c>weight</c>, as in PyTorch.
/// </summary>
public sealed class CrossEntropyLoss : Loss
{
    /// <summary>Creates the loss with optional class weights [C], the target value to ignore, and label smoothing in
    /// [0, 1].</summary>
    public CrossEntropyLoss(
        Tensor? weight = null,
        int ignoreIndex = -100,
        Reduction reduction = Reduction.Mean,
        float labelSmoothing = 0f
    )
        : base(reduction)
    {
        LossSupport.CheckLabelSmoothing(labelSmoothing, nameof(CrossEntropyLoss));
        if (weight is not null)
            Weight = RegisterBuffer("weight", weight);
        IgnoreIndex = ignoreIndex;
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>The weight of each class, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Targets equal to this contribute nothing (default -100).</summary>
    public int IgnoreIndex { get; }

    /// <summary>The label smoothing ε.</summary>
    public float LabelSmoothing { get; }

    /// <summary>The loss of logits <paramref name="input"/> [N, C] (or [N, C, d...]) against class indices
    /// <paramref name="target"/> [N] (or [N, d...]).</summary>
    public Tensor Forward(Tensor input, IndexTensor target) =>
        Functional.CrossEntropy(input, target, Weight, IgnoreIndex, LabelSmoothing, Reduction);
}
