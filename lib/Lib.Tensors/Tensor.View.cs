using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Ops that change only the shape: reshape, flatten, unsqueeze, squeeze, expand.
public sealed partial class Tensor
{
    /// <summary>The same elements with a new shape; one dimension may be -1 and is inferred. Shares storage.</summary>
    public Tensor Reshape(params int[] shape)
    {
        var resolved = ResolveShape(shape);
        return Record(new Tensor(_data, resolved), "ReshapeBackward", [this], g => [g.Reshape(_shape)]);
    }

    /// <summary>Same as <see cref="Reshape"/> (every tensor here is contiguous).</summary>
    public Tensor View(params int[] shape) => Reshape(shape);

    /// <summary>This tensor (every tensor here is contiguous); kept for PyTorch-shaped code.</summary>
    public Tensor Contiguous() => this;

    /// <summary>Merges dimensions <paramref name="startDim"/> to <paramref name="endDim"/> into one.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0)
            return Reshape(1);
        int s = NormalizeDim(startDim, Dim),
            e = NormalizeDim(endDim, Dim);
        if (s > e)
            throw new ArgumentException($"Flatten: start dimension {startDim} comes after end dimension {endDim}.");
        var shape = new List<int>();
        for (int i = 0; i < s; i++)
            shape.Add(_shape[i]);
        int merged = 1;
        for (int i = s; i <= e; i++)
            merged *= _shape[i];
        shape.Add(merged);
        for (int i = e + 1; i < Dim; i++)
            shape.Add(_shape[i]);
        return Reshape([.. shape]);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (negative counts from the end of the
    /// result).</summary>
    public Tensor Unsqueeze(int dim)
    {
        int d = NormalizeDim(dim, Dim + 1);
        var shape = new List<int>(_shape);
        shape.Insert(d, 1);
        return Reshape([.. shape]);
    }

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1 (else returns the same shape, as PyTorch
    /// does).</summary>
    public Tensor Squeeze(int dim)
    {
        if (Dim == 0)
            return this;
        int d = NormalizeDim(dim, Dim);
        return _shape[d] != 1 ? this : Reshape(DropDims(_shape, [d]));
    }

    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor Squeeze() => Reshape([.. _shape.Where(s => s != 1)]);

    /// <summary>Broadcasts to <paramref name="shape"/> (-1 keeps a size). Unlike PyTorch this copies, since storage is
    /// always contiguous.</summary>
    public Tensor Expand(params int[] shape)
    {
        var target = (int[])shape.Clone();
        for (int i = 0; i < target.Length; i++)
        {
            int j = i - (target.Length - Dim);
            if (target[i] == -1)
            {
                if (j < 0)
                    throw new ArgumentException(
                        $"Expand: -1 is not allowed for a new leading dimension ({ShapeText(shape)})."
                    );
                target[i] = _shape[j];
            }
        }
        if (target.Length < Dim || !Broadcast.Shapes(_shape, target).AsSpan().SequenceEqual(target))
            throw new ArgumentException($"Cannot expand shape {ShapeText(Shape)} to {ShapeText(shape)}.");
        if (target.AsSpan().SequenceEqual(_shape))
            return this;
        var result = TensorStorage.Uninitialized((int)ShapeSize(target));
        var src = _data;
        Broadcast.ForEachRun(_shape, [], target, (oa, sa, _, _, oo, n) =>
        {
            if (sa == 1)
                src.AsSpan(oa, n).CopyTo(result.AsSpan(oo, n));
            else
                result.AsSpan(oo, n).Fill(src[oa]);
        });
        return Record(new Tensor(result, target), "ExpandBackward", [this], g => [Broadcast.SumTo(g, _shape)]);
    }
}
