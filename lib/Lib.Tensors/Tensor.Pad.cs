using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Constant padding (F.pad with mode="constant").
public sealed partial class Tensor
{
    /// <summary>
    /// Constant padding in <c>F.pad</c> order: pairs (before, after) from the last dimension backwards,
    /// (last left, last right, second-last left, ...). A negative amount crops that side, as in PyTorch.
    /// </summary>
    public Tensor Pad(int[] pad, float value = 0f)
    {
        ArgumentNullException.ThrowIfNull(pad);
        if (pad.Length % 2 != 0)
            throw new ArgumentException(
                $"Pad: the padding [{string.Join(", ", pad)}] must have an even length (a before and after "
                    + "amount per dimension).",
                nameof(pad)
            );
        if (pad.Length / 2 > Dim)
            throw new ArgumentException(
                $"Pad: the padding [{string.Join(", ", pad)}] covers {pad.Length / 2} dimension(s) but the "
                    + $"tensor has {Dim} ({ShapeText(Shape)}).",
                nameof(pad)
            );
        int rank = Dim;
        var shape = (int[])_shape.Clone();
        var srcStart = new int[rank];
        var destStart = new int[rank];
        var extent = (int[])_shape.Clone();
        for (int p = 0; p < pad.Length / 2; p++)
        {
            int d = rank - 1 - p;
            int before = pad[2 * p],
                after = pad[2 * p + 1];
            long size = (long)_shape[d] + before + after;
            if (size < 0)
                throw new ArgumentException(
                    $"Pad: dimension {d} of size {_shape[d]} padded by ({before}, {after}) would have a "
                        + $"negative size {size}.",
                    nameof(pad)
                );
            shape[d] = (int)size;
            srcStart[d] = Math.Max(0, -before);
            destStart[d] = Math.Max(0, before);
            extent[d] = Math.Max(0, _shape[d] - Math.Max(0, -before) - Math.Max(0, -after));
        }
        var result = TensorStorage.Zeroed((int)ShapeSize(shape));
        if (value != 0f)
            Array.Fill(result, value);
        BoxCopy.Copy(_data, _shape, srcStart, result, shape, destStart, extent);
        return Record(new Tensor(result, shape), "ConstantPadBackward", [this], g =>
        {
            var grad = TensorStorage.Zeroed(NumEl);
            BoxCopy.Copy(g._data, shape, destStart, grad, _shape, srcStart, extent);
            return [new Tensor(grad, _shape)];
        });
    }
}
