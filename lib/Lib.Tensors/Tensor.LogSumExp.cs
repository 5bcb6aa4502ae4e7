using Lib.Tensors.Ops;

namespace Lib.Tensors;

// log Σ exp over one dimension (torch.logsumexp).
public sealed partial class Tensor
{
    /// <summary>log Σ exp over <paramref name="dim"/>, computed stably (the maximum is factored out;
    /// an infinite maximum is not, so all -∞ gives -∞ and any +∞ gives +∞, as in PyTorch).</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false)
    {
        int d = NormalizeDim(dim, Dim);
        var (outer, size, inner) = OuterSizeInner(_shape, d);
        var lse = new float[outer * inner];
        SoftmaxKernels.LogSumExp(_data, lse, outer, size, inner);
        var keptShape = (int[])_shape.Clone();
        if (Dim > 0)
            keptShape[d] = 1;
        var result = new Tensor(lse, keepDim ? keptShape : DropDims(keptShape, [d]));
        return Record(result, "LogsumexpBackward", [this], g =>
        {
            // d lse / dx = exp(x − lse): the softmax, recomputed from the saved result.
            var dx = Binary.Apply<SubKernel>(this, new Tensor(lse, keptShape));
            var span = dx._data.AsSpan();
            System.Numerics.Tensors.TensorPrimitives.Exp(span, span);
            return [dx.Mul(g.Reshape(keptShape))];
        });
    }
}
