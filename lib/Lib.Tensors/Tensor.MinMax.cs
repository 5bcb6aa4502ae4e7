using System.Numerics.Tensors;

namespace Lib.Tensors;

// Max, min and arg-max: over one dimension with indices, and over all elements.
public sealed partial class Tensor
{
    /// <summary>The maximum over <paramref name="dim"/> and where it is (first occurrence; NaN wins, as in
    /// PyTorch); the gradient flows to that position only.</summary>
    public (Tensor Values, IndexTensor Indices) Max(int dim, bool keepDim = false) =>
        Extreme<Larger>(dim, keepDim, "max", "MaxBackward");

    /// <summary>The minimum over <paramref name="dim"/> and where it is (first occurrence; NaN wins).</summary>
    public (Tensor Values, IndexTensor Indices) Min(int dim, bool keepDim = false) =>
        Extreme<Smaller>(dim, keepDim, "min", "MinBackward");

    /// <summary>The maximum of all elements (gradient split evenly among ties, as PyTorch does).</summary>
    public Tensor Max() => ExtremeOfAll(max: true);

    /// <summary>The minimum of all elements (gradient split evenly among ties).</summary>
    public Tensor Min() => ExtremeOfAll(max: false);

    /// <summary>Where the maximum over <paramref name="dim"/> is (first occurrence).</summary>
    public IndexTensor ArgMax(int dim, bool keepDim = false) => Scan<Larger>(dim, keepDim, "argmax").Indices;

    private interface IPick
    {
        /// <summary>Whether <paramref name="value"/> replaces <paramref name="best"/>: strictly better, or the first
        /// NaN.</summary>
        static abstract bool Wins(float value, float best);
    }

    private readonly struct Larger : IPick
    {
        public static bool Wins(float value, float best) => value > best || (float.IsNaN(value) && !float.IsNaN(best));
    }

    private readonly struct Smaller : IPick
    {
        public static bool Wins(float value, float best) => value < best || (float.IsNaN(value) && !float.IsNaN(best));
    }

    private (Tensor Values, IndexTensor Indices) Extreme<TPick>(int dim, bool keepDim, string op, string gradName)
        where TPick : IPick
    {
        var (values, indices, keptShape) = Scan<TPick>(dim, keepDim, op);
        int d = NormalizeDim(dim, Dim);
        var (outer, size, inner) = OuterSizeInner(_shape, d);
        var at = indices._data;
        var result = Record(values, gradName, [this], g =>
        {
            var dx = new float[NumEl];
            var gd = g._data;
            for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                dx[(o * size + at[o * inner + i]) * inner + i] = gd[o * inner + i];
            return [new Tensor(dx, _shape)];
        });
        return (result, indices);
    }

    private (Tensor Values, IndexTensor Indices, int[] KeptShape) Scan<TPick>(int dim, bool keepDim, string op)
        where TPick : IPick
    {
        int d = NormalizeDim(dim, Dim);
        var (outer, size, inner) = OuterSizeInner(_shape, d);
        if (size == 0)
            throw new ArgumentException(
                $"{op}(): dimension {dim} of shape {ShapeText(Shape)} is empty; {op}() needs at least one element.",
                nameof(dim)
            );
        var best = new float[outer * inner];
        var where = new int[outer * inner];
        var x = _data;
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            if (inner == 1)
            {
                float b = x[block];
                int w = 0;
                for (int r = 1; r < size; r++)
                    if (TPick.Wins(x[block + r], b))
                    {
                        b = x[block + r];
                        w = r;
                    }
                best[o] = b;
                where[o] = w;
                continue;
            }
            var bestRow = best.AsSpan(o * inner, inner);
            var whereRow = where.AsSpan(o * inner, inner);
            x.AsSpan(block, inner).CopyTo(bestRow);
            for (int r = 1; r < size; r++)
            {
                var row = x.AsSpan(block + r * inner, inner);
                for (int i = 0; i < inner; i++)
                    if (TPick.Wins(row[i], bestRow[i]))
                    {
                        bestRow[i] = row[i];
                        whereRow[i] = r;
                    }
            }
        }
        var keptShape = (int[])_shape.Clone();
        if (Dim > 0)
            keptShape[d] = 1;
        var shape = keepDim ? keptShape : DropDims(keptShape, [d]);
        // Wrap reads an empty shape as 1-D, so a 0-dimensional result goes through Reshape.
        return (new Tensor(best, shape), IndexTensor.Wrap(where, where.Length).Reshape(shape), keptShape);
    }

    private Tensor ExtremeOfAll(bool max)
    {
        string op = max ? "max" : "min";
        if (NumEl == 0)
            throw new InvalidOperationException(
                $"{op}() of an empty tensor (shape {ShapeText(Shape)}) has no value; reduce over a dimension instead."
            );
        float value = max ? TensorPrimitives.Max(_data) : TensorPrimitives.Min(_data);
        var result = new Tensor([value], []);
        return Record(result, max ? "MaxBackward" : "MinBackward", [this], g =>
        {
            // Every element equal to the result (or every NaN, when the result is NaN) shares the gradient.
            var dx = new float[NumEl];
            bool nan = float.IsNaN(value);
            int count = 0;
            for (int i = 0; i < dx.Length; i++)
                if (nan ? float.IsNaN(_data[i]) : _data[i] == value)
                {
                    dx[i] = 1f;
                    count++;
                }
            TensorPrimitives.Multiply(dx, g._data[0] / count, dx);
            return [new Tensor(dx, _shape)];
        });
    }
}
