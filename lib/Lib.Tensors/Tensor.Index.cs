using System.Numerics.Tensors;
using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Indexing by IndexTensor: index_select, gather and its adjoint scatter_add.
public sealed partial class Tensor
{
    /// <summary>
    /// The entries of <paramref name="dim"/> listed in the 1-D <paramref name="index"/>, in that order and
    /// repeats allowed (<c>index_select</c>); the result has index.NumEl entries along <paramref name="dim"/>.
    /// </summary>
    public Tensor IndexSelect(int dim, IndexTensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Dim > 1)
            throw new ArgumentException(
                $"IndexSelect: index must be 1-dimensional, got shape {ShapeText(index.Shape)}.",
                nameof(index)
            );
        int d = NormalizeDim(dim, Dim);
        var (outer, size, inner) = OuterSizeInner(_shape, d);
        var idx = index._data;
        for (int j = 0; j < idx.Length; j++)
            if ((uint)idx[j] >= (uint)size)
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"IndexSelect: index {idx[j]} at position {j} is out of range for dimension {d} of size "
                        + $"{size} (shape {ShapeText(Shape)})."
                );
        var shape = (int[])_shape.Clone();
        if (Dim > 0)
            shape[d] = idx.Length;
        else if (idx.Length != 1)
            throw new ArgumentException(
                $"IndexSelect on a 0-dimensional tensor needs exactly one index, got {idx.Length}.",
                nameof(index)
            );
        int n = idx.Length;
        var saved = SavedIndices(idx, this);
        var result = TensorStorage.Uninitialized(outer * n * inner);
        for (int o = 0; o < outer; o++)
        {
            int srcBase = o * size * inner,
                destBase = o * n * inner;
            for (int j = 0; j < n; j++)
                _data.AsSpan(srcBase + idx[j] * inner, inner).CopyTo(result.AsSpan(destBase + j * inner, inner));
        }
        return Record(new Tensor(result, shape), "IndexSelectBackward", [this], g =>
        {
            var grad = TensorStorage.Zeroed(NumEl);
            var gd = g._data;
            for (int o = 0; o < outer; o++)
            {
                int srcBase = o * size * inner,
                    destBase = o * n * inner;
                for (int j = 0; j < n; j++)
                {
                    var row = grad.AsSpan(srcBase + saved[j] * inner, inner);
                    TensorPrimitives.Add(row, gd.AsSpan(destBase + j * inner, inner), row);
                }
            }
            return [new Tensor(grad, _shape)];
        });
    }

    /// <summary>
    /// <c>torch.gather</c>: for dim 1 of a 3-D tensor, out[i][j][k] = this[i][index[i][j][k]][k]. The
    /// result has the index's shape; index has this tensor's rank and is no larger in any other dimension.
    /// </summary>
    public Tensor Gather(int dim, IndexTensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        int d = CheckScatterIndex("Gather", dim, index, _shape, null);
        var result = new float[index.NumEl];
        var gather = new GatherVisitor(_data, result);
        ForEachIndexed(d, index, _shape, index._shape, ref gather);
        index = SavedIndex(index, this);
        return Record(new Tensor(result, index._shape), "GatherBackward", [this], g =>
        {
            var grad = TensorStorage.Zeroed(NumEl);
            var scatter = new ScatterAddVisitor(g._data, grad);
            ForEachIndexed(d, index, _shape, index._shape, ref scatter);
            return [new Tensor(grad, _shape)];
        });
    }

    /// <summary>
    /// <c>scatter_add</c>: a copy of this tensor with src[p] added at position p with its
    /// <paramref name="dim"/> coordinate replaced by index[p], for every position p of <paramref name="index"/>
    /// (repeated indices add up). index has this tensor's rank, is no larger than src in any dimension and
    /// no larger than this tensor except along <paramref name="dim"/>.
    /// </summary>
    public Tensor ScatterAdd(int dim, IndexTensor index, Tensor src)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(src);
        int d = CheckScatterIndex("ScatterAdd", dim, index, _shape, src._shape);
        var result = (float[])_data.Clone();
        var scatter = new ScatterAddVisitor(src._data, result);
        ForEachIndexed(d, index, _shape, src._shape, ref scatter);
        if (src.RequiresGrad)
            index = SavedIndex(index, src);
        return Record(new Tensor(result, _shape), "ScatterAddBackward", [this, src], g =>
        {
            Tensor? srcGrad = null;
            if (src.RequiresGrad)
            {
                // d/dsrc = g gathered at the index; src entries outside the index's box get zero.
                var gathered = new float[src.NumEl];
                var gather = new GatherVisitor(g._data, gathered);
                ForEachIndexed(d, index, _shape, src._shape, ref gather);
                srcGrad = new Tensor(gathered, src._shape);
            }
            return [RequiresGrad ? g : null, srcGrad];
        });
    }

    /// <summary>
    /// The indices a backward rule keeps: a copy when <paramref name="input"/> will get a gradient, since
    /// index buffers are often refilled in place for the next batch (IndexTensor.AsSpan).
    /// </summary>
    internal static int[] SavedIndices(int[] indices, Tensor input) =>
        !input.RequiresGrad || !Autograd.GradMode.IsEnabled ? indices : TensorStorage.SaveIndices(indices);

    private static IndexTensor SavedIndex(IndexTensor index, Tensor input)
    {
        var saved = SavedIndices(index._data, input);
        return ReferenceEquals(saved, index._data) ? index : IndexTensor.Wrap(saved, index._shape);
    }

    private interface IIndexedVisitor
    {
        /// <summary>Called for one index position: its place in the companion tensor and in the indexed
        /// tensor.</summary>
        void Visit(int companion, int indexed);
    }

    /// <summary>companion[p] = indexed[offset].</summary>
    private readonly struct GatherVisitor(float[] indexed, float[] companion) : IIndexedVisitor
    {
        public void Visit(int p, int offset) => companion[p] = indexed[offset];
    }

    /// <summary>indexed[offset] += companion[p].</summary>
    private readonly struct ScatterAddVisitor(float[] companion, float[] indexed) : IIndexedVisitor
    {
        public void Visit(int p, int offset) => indexed[offset] += companion[p];
    }

    /// <summary>
    /// Visits each position p of the index: p's offset in a tensor of <paramref name="companionShape"/>
    /// (the index's own shape for gather, src's for scatter), and its offset in a tensor of
    /// <paramref name="shape"/> with its <paramref name="d"/> coordinate replaced by index[p].
    /// </summary>
    private static void ForEachIndexed<TVisitor>(
        int d,
        IndexTensor index,
        int[] shape,
        int[] companionShape,
        ref TVisitor visitor
    )
        where TVisitor : struct, IIndexedVisitor
    {
        int total = index.NumEl;
        if (total == 0)
            return;
        var idx = index._data;
        var indexShape = index._shape;
        int last = indexShape.Length - 1;
        var strides = BoxCopy.Strides(shape);
        var companionStrides = BoxCopy.Strides(companionShape);
        int strideD = strides[d],
            inner = indexShape[last];
        int innerStride = d == last ? 0 : strides[last],
            companionInner = companionStrides[last];
        var coord = new int[last];
        int baseOffset = 0,
            companionBase = 0;
        for (int pos = 0; pos < total; pos += inner)
        {
            for (int k = 0; k < inner; k++)
                visitor.Visit(
                    companionBase + k * companionInner,
                    baseOffset + idx[pos + k] * strideD + k * innerStride
                );
            for (int i = last - 1; i >= 0; i--)
            {
                if (i != d)
                    baseOffset += strides[i];
                companionBase += companionStrides[i];
                if (++coord[i] < indexShape[i])
                    break;
                if (i != d)
                    baseOffset -= strides[i] * indexShape[i];
                companionBase -= companionStrides[i] * indexShape[i];
                coord[i] = 0;
            }
        }
    }

    /// <summary>
    /// Checks the index as PyTorch does for gather/scatter (the tensor's rank; no larger than the tensor
    /// except along dim, nor than src anywhere; every index within [0, size of dim)); returns dim normalised.
    /// </summary>
    private static int CheckScatterIndex(string op, int dim, IndexTensor index, int[] shape, int[]? srcShape)
    {
        if (shape.Length == 0)
            throw new ArgumentException($"{op} needs at least a 1-dimensional tensor; this one is 0-dimensional.");
        int d = NormalizeDim(dim, shape.Length);
        if (index.Dim != shape.Length)
            throw new ArgumentException(
                $"{op}: index {ShapeText(index.Shape)} must have as many dimensions as the tensor {ShapeText(shape)}.",
                nameof(index)
            );
        if (srcShape is not null && srcShape.Length != shape.Length)
            throw new ArgumentException(
                $"{op}: src {ShapeText(srcShape)} must have as many dimensions as the tensor {ShapeText(shape)}.",
                "src"
            );
        for (int i = 0; i < index.Dim; i++)
        {
            if (i != d && index._shape[i] > shape[i])
                throw new ArgumentException(
                    $"{op} along dimension {d}: index {ShapeText(index.Shape)} is larger than the tensor "
                        + $"{ShapeText(shape)} in dimension {i} (only dimension {d} may be larger).",
                    nameof(index)
                );
            if (srcShape is not null && index._shape[i] > srcShape[i])
                throw new ArgumentException(
                    $"{op}: index {ShapeText(index.Shape)} is larger than src {ShapeText(srcShape)} in dimension {i}.",
                    nameof(index)
                );
        }
        int size = shape[d];
        var idx = index._data;
        for (int p = 0; p < idx.Length; p++)
            if ((uint)idx[p] >= (uint)size)
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"{op}: index {idx[p]} at position {PositionText(p, index._shape)} is out of range for "
                        + $"dimension {d} of size {size} (shape {ShapeText(shape)})."
                );
        return d;
    }

    /// <summary>The multi-dimensional position of row-major offset <paramref name="offset"/> in
    /// <paramref name="shape"/>, as "[i, j, k]".</summary>
    internal static string PositionText(int offset, int[] shape)
    {
        var coord = new int[shape.Length];
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 0)
                break;
            coord[i] = offset % shape[i];
            offset /= shape[i];
        }
        return "[" + string.Join(", ", coord) + "]";
    }
}
