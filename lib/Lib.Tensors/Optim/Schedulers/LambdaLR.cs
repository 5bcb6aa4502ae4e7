namespace Lib.Tensors.Optim.Schedulers;

/// <summary>Each group's rate is its base rate times a function of the step: lr = base · lambda(step)
/// (<c>LambdaLR</c>).</summary>
public class LambdaLR : LRScheduler
{
    private readonly Func<int, double>[] _lambdas;

    /// <summary>One factor function for every group.</summary>
    public LambdaLR(Optimizer optimizer, Func<int, double> lrLambda)
        : this(
            optimizer,
            [
                .. Enumerable.Repeat(
                    lrLambda ?? throw new ArgumentNullException(nameof(lrLambda)),
                    optimizer?.ParamGroups.Count ?? 0
                ),
            ]
        ) { }

    /// <summary>One factor function per group, in group order.</summary>
    public LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lrLambdas)
        : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(lrLambdas);
        if (lrLambdas.Count != optimizer.ParamGroups.Count)
            throw new ArgumentException(
                $"Expected {optimizer.ParamGroups.Count} lr lambdas (one per parameter group), but got "
                    + $"{lrLambdas.Count}.",
                nameof(lrLambdas)
            );
        _lambdas = [.. lrLambdas];
        Start();
    }

    /// <inheritdoc/>
    protected override double LearningRateAt(int group, int step) => BaseLearningRates[group] * _lambdas[group](step);
}
