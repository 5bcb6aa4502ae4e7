namespace Lib.Tensors.Optim;

/// <summary>
/// A set of parameters sharing hyper-parameters (one of PyTorch's <c>param_groups</c> dicts). A null
/// option takes the optimizer's default when the optimizer is built, which writes it back, so after
/// construction every option the optimizer uses is set. Schedulers write <see cref="LearningRate"/>
/// (and <see cref="Momentum"/> or the first of <see cref="Betas"/>) between steps.
/// </summary>
public sealed class ParamGroup(IEnumerable<Tensor> parameters)
{
    /// <summary>The group's parameters.</summary>
    public IReadOnlyList<Tensor> Parameters { get; } =
    [.. parameters ?? throw new ArgumentNullException(nameof(parameters))];

    /// <summary>Learning rate (<c>lr</c>); null takes the optimizer's default. Schedulers write it.</summary>
    public double? LearningRate { get; set; }

    /// <summary>Weight decay; null takes the optimizer's default.</summary>
    public double? WeightDecay { get; set; }

    /// <summary>SGD's momentum factor; null takes the optimizer's default (null for optimizers without one). OneCycleLR
    /// cycles it.</summary>
    public double? Momentum { get; set; }

    /// <summary>Adam's (beta1, beta2); null takes the optimizer's default (null for optimizers without them).
    /// OneCycleLR cycles beta1.</summary>
    public (double Beta1, double Beta2)? Betas { get; set; }

    /// <summary>Adam's epsilon; null takes the optimizer's default.</summary>
    public double? Eps { get; set; }

    /// <summary>The learning rate before any schedule (PyTorch's <c>initial_lr</c>): set by the first scheduler built
    /// on the optimizer, so a second one starts from the same base.</summary>
    public double? InitialLearningRate { get; set; }
}
