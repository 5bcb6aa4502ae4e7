using System.Numerics.Tensors;

namespace Lib.Tensors;

// Variance and standard deviation over dimensions (torch.var / torch.std).
public sealed partial class Tensor
{
    /// <summary>The variance over <paramref name="dims"/>: Σ(x − mean)² / (n − 1) when <paramref name="unbiased"/>
    /// (Bessel's correction), else / n. With n ≤ 1 the unbiased variance is NaN or infinite, as in PyTorch.</summary>
    public Tensor Var(int[] dims, bool unbiased = true, bool keepDim = false)
    {
        if (dims.Length == 0)
            throw new ArgumentException("Var needs at least one dimension to reduce over.", nameof(dims));
        if (Dim == 0)
            return Reshape(1).Var([ReducedDims(dims)[0]], unbiased);
        var reduced = ReducedDims(dims);
        var kept = Enumerable.Range(0, Dim).Where(d => Array.IndexOf(reduced, d) < 0).ToArray();
        // Reduced dimensions last (no copy when they already are), then one contiguous row per output.
        var rows = Detach().Permute([.. kept, .. reduced]);
        int n = 1,
            count = 1;
        foreach (int d in reduced)
            n *= _shape[d];
        foreach (int d in kept)
            count *= _shape[d];
        float divisor = Math.Max(0, n - (unbiased ? 1 : 0));
        var variance = new float[count];
        var mean = new float[count];
        var deviation = new float[n];
        for (int r = 0; r < count; r++)
        {
            var row = rows._data.AsSpan(r * n, n);
            mean[r] = TensorPrimitives.Sum(row) / n;
            TensorPrimitives.Subtract(row, mean[r], deviation);
            variance[r] = TensorPrimitives.SumOfSquares(deviation) / divisor;
        }
        var keptShape = (int[])_shape.Clone();
        foreach (int d in reduced)
            keptShape[d] = 1;
        var result = new Tensor(variance, keepDim ? keptShape : DropDims(keptShape, reduced));
        return Record(
            result,
            "VarBackward",
            [this],
            g =>
                // d var / dx = 2 (x − mean) / divisor
                [Sub(new Tensor(mean, keptShape)).Mul(g.Reshape(keptShape).Mul(Scalar(2f / divisor)))]
        );
    }

    /// <summary>The variance over one dimension.</summary>
    public Tensor Var(int dim, bool unbiased = true, bool keepDim = false) => Var([dim], unbiased, keepDim);

    /// <summary>The standard deviation over <paramref name="dims"/> (the square root of
    /// <see cref="Var(int[], bool, bool)"/>).</summary>
    public Tensor Std(int[] dims, bool unbiased = true, bool keepDim = false) => Var(dims, unbiased, keepDim).Sqrt();

    /// <summary>The standard deviation over one dimension.</summary>
    public Tensor Std(int dim, bool unbiased = true, bool keepDim = false) => Std([dim], unbiased, keepDim);
}
