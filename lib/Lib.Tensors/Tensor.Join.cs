using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Joining tensors: cat along an existing dimension, stack along a new one.
public sealed partial class Tensor
{
    /// <summary>
    /// Joins tensors along an existing dimension (<c>torch.cat</c>): all dimensions but
    /// <paramref name="dim"/> must match. As in PyTorch, 1-D empty tensors (shape [0]) are skipped.
    /// </summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
            throw new ArgumentException("Cat needs at least one tensor.", nameof(tensors));
        var kept = new List<Tensor>(tensors.Count);
        var positions = new List<int>(tensors.Count);
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is null)
                throw new ArgumentNullException(nameof(tensors), $"Cat: tensor {i} is null.");
            if (tensors[i].Dim == 1 && tensors[i].NumEl == 0)
                continue;
            kept.Add(tensors[i]);
            positions.Add(i);
        }
        if (kept.Count == 0)
            return Join(tensors, [.. tensors.Select(t => t._shape)], 0, tensors[0]._shape, "CatBackward");
        var first = kept[0];
        if (first.Dim == 0)
            throw new ArgumentException(
                $"Cat: tensor {positions[0]} is 0-dimensional; zero-dimensional tensors cannot be concatenated "
                    + "(use Stack).",
                nameof(tensors)
            );
        int d = NormalizeDim(dim, first.Dim);
        var shape = (int[])first._shape.Clone();
        shape[d] = 0;
        for (int i = 0; i < kept.Count; i++)
        {
            var t = kept[i];
            if (t.Dim != first.Dim)
                throw new ArgumentException(
                    $"Cat: tensor {positions[i]} has {t.Dim} dimension(s) {ShapeText(t.Shape)} but tensor "
                        + $"{positions[0]} has {first.Dim} {ShapeText(first.Shape)}.",
                    nameof(tensors)
                );
            for (int j = 0; j < t.Dim; j++)
                if (j != d && t._shape[j] != first._shape[j])
                    throw new ArgumentException(
                        $"Cat along dimension {d}: tensor {positions[i]} {ShapeText(t.Shape)} has size "
                            + $"{t._shape[j]} in dimension {j} but tensor {positions[0]} {ShapeText(first.Shape)} has "
                            + $"{first._shape[j]} (all dimensions but {d} must match).",
                        nameof(tensors)
                    );
            shape[d] += t._shape[d];
        }
        return Join(kept, [.. kept.Select(t => t._shape)], d, shape, "CatBackward");
    }

    /// <summary>Joins tensors of one shape along a new dimension <paramref name="dim"/> (<c>torch.stack</c>; negative
    /// counts from the end of the result).</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
            throw new ArgumentException("Stack needs at least one tensor.", nameof(tensors));
        var first = tensors[0] ?? throw new ArgumentNullException(nameof(tensors), "Stack: tensor 0 is null.");
        int d = NormalizeDim(dim, first.Dim + 1);
        for (int i = 1; i < tensors.Count; i++)
        {
            if (tensors[i] is null)
                throw new ArgumentNullException(nameof(tensors), $"Stack: tensor {i} is null.");
            if (!tensors[i]._shape.AsSpan().SequenceEqual(first._shape))
                throw new ArgumentException(
                    $"Stack: tensor {i} has shape {ShapeText(tensors[i].Shape)} but tensor 0 has "
                        + $"{ShapeText(first.Shape)} (all must have the same shape).",
                    nameof(tensors)
                );
        }
        var pieceShape = new List<int>(first._shape);
        pieceShape.Insert(d, 1);
        int[] piece = [.. pieceShape];
        var shape = (int[])piece.Clone();
        shape[d] = tensors.Count;
        return Join(tensors, [.. tensors.Select(_ => piece)], d, shape, "StackBackward");
    }

    /// <summary>Copies each tensor, seen as <paramref name="shapes"/>[i], into its slot along <paramref name="dim"/> of
    /// <paramref name="shape"/>.</summary>
    private static Tensor Join(IReadOnlyList<Tensor> tensors, int[][] shapes, int dim, int[] shape, string name)
    {
        var result = TensorStorage.Uninitialized((int)ShapeSize(shape)); // the pieces cover it
        // Each index of the dimensions before dim takes one contiguous run from every piece in turn, so the
        // result is written once, front to back (a copy per piece would sweep all of it once per piece).
        int outer = 1,
            inner = 1;
        for (int d = 0; d < dim; d++)
            outer *= shape[d];
        for (int d = dim + 1; d < shape.Length; d++)
            inner *= shape[d];
        var starts = new int[tensors.Count];
        var runs = new int[tensors.Count];
        var sources = new float[tensors.Count][];
        for (int i = 0, offset = 0; i < tensors.Count; i++)
        {
            (starts[i], runs[i], sources[i]) = (offset, shapes[i][dim] * inner, tensors[i]._data);
            offset += shapes[i][dim];
        }
        int rowLength = shape[dim] * inner;
        if (outer > 0 && rowLength > 0)
            ParallelRanges.For(
                outer,
                new JoinRows(sources, runs, result, rowLength),
                Math.Max(1, ParallelRanges.MinElements / 2 / rowLength),
                1
            );
        var inputs = tensors.ToArray();
        return Record(new Tensor(result, shape), name, inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
                if (inputs[i].RequiresGrad)
                    grads[i] = new Tensor(SliceData(g._data, shape, dim, starts[i], shapes[i][dim]), inputs[i]._shape);
            return grads;
        });
    }

    /// <summary>Rows [start, start + length) of a join: row o is piece 0's o-th run, then piece 1's, and so
    /// on.</summary>
    private readonly struct JoinRows(float[][] sources, int[] runs, float[] result, int rowLength) : IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++)
            {
                int at = o * rowLength;
                for (int i = 0; i < sources.Length; i++)
                {
                    int run = runs[i];
                    if (run == 0)
                        continue;
                    BoxCopy.CopyRun(sources[i], o * run, result, at, run);
                    at += run;
                }
            }
        }
    }

    /// <summary>The elements of [start, start + length) along <paramref name="dim"/> of a tensor of
    /// <paramref name="shape"/>.</summary>
    internal static float[] SliceData(float[] data, int[] shape, int dim, int start, int length)
    {
        var extent = (int[])shape.Clone();
        extent[dim] = length;
        var result = TensorStorage.Uninitialized((int)ShapeSize(extent));
        var srcStart = new int[shape.Length];
        srcStart[dim] = start;
        BoxCopy.Copy(data, shape, srcStart, result, extent, new int[shape.Length], extent);
        return result;
    }

    /// <summary>A zero tensor of <paramref name="shape"/> with <paramref name="piece"/> placed at [start, start +
    /// piece's length) along <paramref name="dim"/>.</summary>
    internal static float[] EmbedData(float[] piece, int[] shape, int dim, int start, int length)
    {
        var extent = (int[])shape.Clone();
        extent[dim] = length;
        var result = TensorStorage.Zeroed((int)ShapeSize(shape));
        var destStart = new int[shape.Length];
        destStart[dim] = start;
        BoxCopy.Copy(piece, extent, new int[shape.Length], result, shape, destStart, extent);
        return result;
    }
}
