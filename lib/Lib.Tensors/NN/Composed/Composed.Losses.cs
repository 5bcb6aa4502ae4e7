namespace Lib.Tensors.NN;

public static partial class Composed
{
    /// <summary><see cref="Functional.L1Loss"/> from primitives: |input − target|, reduced.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        LossSupport.CheckSameShape(input, target, "L1Loss");
        return LossSupport.Reduce((input - target).Abs(), reduction, "L1Loss");
    }

    /// <summary><see cref="Functional.MseLoss"/> from primitives: (input − target)², reduced.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        LossSupport.CheckSameShape(input, target, "MseLoss");
        var d = input - target;
        return LossSupport.Reduce(d * d, reduction, "MseLoss");
    }

    /// <summary>
    /// <see cref="Functional.BinaryCrossEntropyWithLogits"/> from primitives: (1 − t)·x + l·softplus(−x), l = 1 +
    /// (posWeight − 1)·t,
    /// times weight, with softplus(−x) = max(−x, 0) + log(1 + e^−|x|) (stable; the maximum splits its gradient at 0, so
    /// the slope there is σ(0) − 1 as it should be). Weight and posWeight are constants.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(
        Tensor input,
        Tensor target,
        Tensor? weight = null,
        Tensor? posWeight = null,
        Reduction reduction = Reduction.Mean
    )
    {
        const string name = "BinaryCrossEntropyWithLogits";
        LossSupport.CheckSameShape(input, target, name);
        var softplusOfNegative = (-input).Maximum(Tensor.Scalar(0f)) + (1f + (-input.Abs()).Exp()).Log();
        var l = posWeight is null ? null : 1f + (posWeight.Detach() - 1f) * target;
        var values = (1f - target) * input + (l is null ? softplusOfNegative : l * softplusOfNegative);
        if (weight is not null)
            values = values * weight.Detach();
        return LossSupport.Reduce(values, reduction, name);
    }
}
