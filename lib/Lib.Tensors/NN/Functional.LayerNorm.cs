using System.Numerics.Tensors;

namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Layer normalisation over the trailing <paramref name="normalizedShape"/> dims (<c>F.layer_norm</c>):
    /// each row is centred and scaled by 1/√(biased variance + <paramref name="eps"/>), then multiplied by
    /// <paramref name="weight"/> and shifted by <paramref name="bias"/> (both of shape
    /// <paramref name="normalizedShape"/>, optional). One fused op: the forward keeps each row's mean and
    /// reciprocal standard deviation, and the backward uses them directly; <see cref="Composed.LayerNorm"/> is its
    /// reference.
    /// </summary>
    public static Tensor LayerNorm(
        Tensor x,
        int[] normalizedShape,
        Tensor? weight = null,
        Tensor? bias = null,
        float eps = 1e-5f
    )
    {
        if (!FusedOps.IsEnabled)
            return Composed.LayerNorm(x, normalizedShape, weight, bias, eps);
        CheckLayerNormShapes(x, normalizedShape, weight, bias);
        int d = (int)Tensor.ShapeSize(normalizedShape);
        int rows = d == 0 ? 0 : x.NumEl / d;
        var input = x._data;
        var w = weight?._data;
        var b = bias?._data;
        var y = TensorStorage.Uninitialized(x.NumEl);
        var mean = TensorStorage.Zeroed(rows);
        var rstd = TensorStorage.Zeroed(rows);
        if (d > 0)
            Ops.ParallelRanges.For(
                rows,
                new LayerNormRows(input, y, mean, rstd, w, b, d, eps),
                Math.Max(1, Ops.ParallelRanges.MinElements / 2 / d),
                1
            );
        Tensor[] inputs = (weight, bias) switch
        {
            (null, null) => [x],
            (not null, null) => [x, weight],
            (null, not null) => [x, bias],
            _ => [x, weight, bias],
        };
        var result = new Tensor(y, x._shape);
        return Tensor.Record(result, "NativeLayerNormBackward", inputs, g =>
        {
            var (dx, dw, db) = LayerNormBackward(
                g._data,
                input,
                w,
                mean,
                rstd,
                rows,
                d,
                x.RequiresGrad,
                weight is { RequiresGrad: true },
                bias is { RequiresGrad: true }
            );
            var grads = new List<Tensor?> { dx is null ? null : new Tensor(dx, x._shape) };
            if (weight is not null)
                grads.Add(dw is null ? null : new Tensor(dw, weight._shape));
            if (bias is not null)
                grads.Add(db is null ? null : new Tensor(db, bias._shape));
            return [.. grads];
        });
    }

    /// <summary>Rows [start, start + length) of the forward: mean, 1/σ and the normalised, scaled, shifted row (rows
    /// split across the cores).</summary>
    private readonly struct LayerNormRows(
        float[] input,
        float[] y,
        float[] mean,
        float[] rstd,
        float[]? w,
        float[]? b,
        int d,
        float eps
    ) : Ops.IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int r = start; r < start + length; r++)
            {
                var row = input.AsSpan(r * d, d);
                var dst = y.AsSpan(r * d, d);
                mean[r] = TensorPrimitives.Sum(row) / d;
                TensorPrimitives.Subtract(row, mean[r], dst);
                rstd[r] = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(dst) / d + eps);
                TensorPrimitives.Multiply(dst, rstd[r], dst);
                if (w is not null)
                    TensorPrimitives.Multiply(dst, w, dst);
                if (b is not null)
                    TensorPrimitives.Add(dst, b, dst);
            }
        }
    }

    /// <summary>
    /// With x̂ = (x − mean)·rstd and ĝ = g ⊙ weight: dx = rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ ⊙ x̂)) per row,
    /// dweight = Σ_rows g ⊙ x̂, dbias = Σ_rows g.
    /// </summary>
    private static (float[]? Dx, float[]? Dw, float[]? Db) LayerNormBackward(
        float[] g,
        float[] x,
        float[]? w,
        float[] mean,
        float[] rstd,
        int rows,
        int d,
        bool needX,
        bool needW,
        bool needB
    )
    {
        var dx = needX ? TensorStorage.Uninitialized(x.Length) : null;
        var dw = needW ? TensorStorage.Zeroed(d) : null;
        var db = needB ? TensorStorage.Zeroed(d) : null;
        var xhat = TensorStorage.Zeroed(d);
        var ghat = TensorStorage.Zeroed(d);
        for (int r = 0; r < rows; r++)
        {
            var gr = g.AsSpan(r * d, d);
            TensorPrimitives.Subtract(x.AsSpan(r * d, d), mean[r], xhat);
            TensorPrimitives.Multiply(xhat, rstd[r], xhat);
            if (dw is not null)
                TensorPrimitives.MultiplyAdd(gr, xhat, dw, dw);
            if (db is not null)
                TensorPrimitives.Add(db, gr, db);
            if (dx is null)
                continue;
            if (w is not null)
                TensorPrimitives.Multiply(gr, w, ghat);
            else
                gr.CopyTo(ghat);
            float meanG = TensorPrimitives.Sum(ghat) / d;
            float meanGx = TensorPrimitives.Dot(ghat, xhat) / d;
            var dst = dx.AsSpan(r * d, d);
            TensorPrimitives.MultiplyAdd(xhat, -meanGx, ghat, dst); // ĝ − x̂·mean(ĝ x̂)
            TensorPrimitives.Subtract(dst, meanG, dst);
            TensorPrimitives.Multiply(dst, rstd[r], dst);
        }
        return (dx, dw, db);
    }

    internal static void CheckLayerNormShapes(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias)
    {
        if (normalizedShape.Length == 0)
            throw new ArgumentException(
                "LayerNorm: normalizedShape must name at least one trailing dimension.",
                nameof(normalizedShape)
            );
        int lead = x.Dim - normalizedShape.Length;
        if (lead < 0 || !x._shape.AsSpan(lead).SequenceEqual(normalizedShape))
            throw new ArgumentException(
                $"LayerNorm: input of shape {Tensor.ShapeText(x.Shape)} must end in normalizedShape "
                    + $"{Tensor.ShapeText(normalizedShape)}.",
                nameof(x)
            );
        if (weight is not null && !weight._shape.AsSpan().SequenceEqual(normalizedShape))
            throw new ArgumentException(
                $"LayerNorm: weight has shape {Tensor.ShapeText(weight.Shape)}; expected normalizedShape "
                    + $"{Tensor.ShapeText(normalizedShape)}.",
                nameof(weight)
            );
        if (bias is not null && !bias._shape.AsSpan().SequenceEqual(normalizedShape))
            throw new ArgumentException(
                $"LayerNorm: bias has shape {Tensor.ShapeText(bias.Shape)}; expected normalizedShape "
                    + $"{Tensor.ShapeText(normalizedShape)}.",
                nameof(bias)
            );
    }
}
