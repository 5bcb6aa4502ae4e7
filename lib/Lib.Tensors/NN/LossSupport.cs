using System.Numerics.Tensors;

namespace Lib.Tensors.NN;

/// <summary>What every loss shares: argument checks, the reduction of per-element values, and the
/// upstream gradient each element receives back.</summary>
internal static class LossSupport
{
    public static void CheckReduction(Reduction reduction, string loss)
    {
        if (!Enum.IsDefined(reduction))
            throw new ArgumentException(
                $"{loss}: reduction {(int)reduction} is not one of None, Mean, Sum.",
                nameof(reduction)
            );
    }

    /// <summary>Label smoothing ε must lie in [0, 1] (NaN does not).</summary>
    public static void CheckLabelSmoothing(float labelSmoothing, string loss)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f))
            throw new ArgumentException(
                $"{loss}: labelSmoothing must be between 0 and 1, got {labelSmoothing}.",
                nameof(labelSmoothing)
            );
    }

    public static void CheckSameShape(Tensor input, Tensor target, string loss)
    {
        if (!input._shape.AsSpan().SequenceEqual(target._shape))
            throw new ArgumentException(
                $"{loss}: target of shape {Tensor.ShapeText(target.Shape)} does not match input of shape "
                    + $"{Tensor.ShapeText(input.Shape)} (they must be equal).",
                nameof(target)
            );
    }

    /// <summary>The per-element values as they are (<see cref="Reduction.None"/>), or their sum, or their sum over
    /// <paramref name="denominator"/>.</summary>
    public static Tensor Reduce(float[] values, int[] shape, Reduction reduction, float denominator)
    {
        if (reduction == Reduction.None)
            return new Tensor(values, shape);
        float sum = TensorPrimitives.Sum(values);
        return Tensor.Scalar(reduction == Reduction.Sum ? sum : sum / denominator);
    }

    /// <summary>A composed loss's per-element <paramref name="values"/> as they are, or their sum, or their mean
    /// (autograd differentiates the reduction).</summary>
    public static Tensor Reduce(Tensor values, Reduction reduction, string loss)
    {
        CheckReduction(reduction, loss);
        return reduction switch
        {
            Reduction.None => values,
            Reduction.Sum => values.Sum(),
            _ => values.Mean(),
        };
    }

    /// <summary>The upstream gradient of every element: <paramref name="g"/> itself for <see cref="Reduction.None"/>,
    /// else g broadcast (and divided by <paramref name="denominator"/> for the mean).</summary>
    public static float[] Upstream(Tensor g, int count, Reduction reduction, float denominator)
    {
        if (reduction == Reduction.None)
            return g._data;
        var up = TensorStorage.Uninitialized(count);
        Array.Fill(up, reduction == Reduction.Sum ? g._data[0] : g._data[0] / denominator);
        return up;
    }

    /// <summary>Multiplies per-element derivatives <paramref name="d"/> by the upstream gradient each element receives
    /// (as <see cref="Upstream"/> gives it), without building that array for Mean and Sum.</summary>
    public static void ScaleByUpstream(Span<float> d, Tensor g, Reduction reduction, float denominator)
    {
        if (reduction == Reduction.None)
            TensorPrimitives.Multiply(d, g._data, d);
        else
            TensorPrimitives.Multiply(d, reduction == Reduction.Sum ? g._data[0] : g._data[0] / denominator, d);
    }
}
