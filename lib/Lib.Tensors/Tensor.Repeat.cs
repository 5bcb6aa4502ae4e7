namespace Lib.Tensors;

// Tiling: repeat.
public sealed partial class Tensor
{
    /// <summary>
    /// The tensor tiled <c>repeats[i]</c> times along each dimension (<c>repeat</c>); extra leading
    /// repeats add leading dimensions, as in PyTorch (shape [2, 3] repeated (4, 1, 2) is [4, 2, 6]).
    /// </summary>
    public Tensor Repeat(params int[] repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        if (repeats.Length < Dim)
            throw new ArgumentException(
                $"Repeat: {repeats.Length} repeat count(s) [{string.Join(", ", repeats)}] for a tensor of {Dim} "
                    + $"dimension(s) {ShapeText(Shape)}; give at least one per dimension.",
                nameof(repeats)
            );
        foreach (int r in repeats)
            if (r < 0)
                throw new ArgumentException(
                    $"Repeat: repeat counts [{string.Join(", ", repeats)}] must not be negative.",
                    nameof(repeats)
                );
        int rank = repeats.Length;
        var padded = new int[rank];
        for (int i = 0; i < rank; i++)
            padded[i] = i < rank - Dim ? 1 : _shape[i - (rank - Dim)];
        var shape = new int[rank];
        for (int i = 0; i < rank; i++)
            shape[i] = padded[i] * repeats[i];
        var total = ShapeSize(shape);
        float[] result;
        if (total == 0)
            result = [];
        else
        {
            // Tile from the last dimension to the first: after dimension d, every block
            // [padded d, tiled d+1 ...] is written repeats[d] times in a row.
            result = TensorStorage.Uninitialized((int)total);
            _data.CopyTo(result, 0);
            int block = 1;
            for (int d = rank - 1; d >= 0; d--)
            {
                block *= padded[d];
                int outer = 1;
                for (int i = 0; i < d; i++)
                    outer *= padded[i];
                int r = repeats[d];
                if (r == 1)
                    continue;
                // Expand in place from the back so no block is overwritten before it is copied.
                for (int o = outer - 1; o >= 0; o--)
                {
                    var source = result.AsSpan(o * block, block);
                    for (int k = r - 1; k >= 0; k--)
                        source.CopyTo(result.AsSpan((o * r + k) * block, block));
                }
                block *= r;
            }
        }
        return Record(new Tensor(result, shape), "RepeatBackward", [this], g =>
        {
            // Sum the tiles: view g as [r0, p0, r1, p1, ...] and sum the repeat axes.
            var split = new int[2 * rank];
            var sumDims = new int[rank];
            for (int i = 0; i < rank; i++)
            {
                split[2 * i] = repeats[i];
                split[2 * i + 1] = padded[i];
                sumDims[i] = 2 * i;
            }
            return [g.Reshape(split).Sum(sumDims).Reshape(_shape)];
        });
    }
}
