using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Softmax and log-softmax over one dimension: stable fused kernels whose backward uses the saved output.
public sealed partial class Tensor
{
    /// <summary>Softmax over <paramref name="dim"/>, computed stably (the maximum is subtracted first):
    /// -∞ entries get probability 0, and a slice that is all -∞ gives NaN, as in PyTorch.</summary>
    public Tensor Softmax(int dim)
    {
        var (outer, size, inner) = OuterSizeInner(_shape, NormalizeDim(dim, Dim));
        var y = TensorStorage.Uninitialized(NumEl);
        SoftmaxKernels.Softmax(_data, y, outer, size, inner);
        var result = new Tensor(y, _shape);
        return Record(result, "SoftmaxBackward", [this], g =>
        {
            var dx = TensorStorage.Uninitialized(NumEl);
            SoftmaxKernels.SoftmaxBackward(g._data, y, dx, outer, size, inner);
            return [new Tensor(dx, _shape)];
        });
    }

    /// <summary>Log-softmax over <paramref name="dim"/>, computed stably: <c>x − max − log Σ exp(x −
    /// max)</c>.</summary>
    public Tensor LogSoftmax(int dim)
    {
        var (outer, size, inner) = OuterSizeInner(_shape, NormalizeDim(dim, Dim));
        var y = TensorStorage.Uninitialized(NumEl);
        SoftmaxKernels.LogSoftmax(_data, y, outer, size, inner);
        var result = new Tensor(y, _shape);
        return Record(result, "LogSoftmaxBackward", [this], g =>
        {
            var dx = TensorStorage.Uninitialized(NumEl);
            SoftmaxKernels.LogSoftmaxBackward(g._data, y, dx, outer, size, inner);
            return [new Tensor(dx, _shape)];
        });
    }
}
