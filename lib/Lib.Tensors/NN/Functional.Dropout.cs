using System.Numerics.Tensors;

namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1 − p) when
    /// <paramref name="training"/> (<c>F.dropout</c>). The mask is drawn from <paramref name="generator"/>
    /// (two elements per 64 random bits, in element order) and saved for backward. Returns <paramref name="x"/> itself
    /// when not training or p = 0; p = 1 gives zeros.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, bool training, Generator generator)
    {
        if (!(p >= 0f && p <= 1f))
            throw new ArgumentException($"Dropout probability has to be between 0 and 1, but got {p}.", nameof(p));
        ArgumentNullException.ThrowIfNull(generator);
        if (!training || p == 0f)
            return x;
        var mask = TensorStorage.Uninitialized(x.NumEl);
        Ops.DropoutMask.Fill(generator, p, mask);
        var y = TensorStorage.Uninitialized(x.NumEl);
        TensorPrimitives.Multiply(x._data, mask, y);
        return Tensor.Record(new Tensor(y, x._shape), "DropoutBackward", [x], g =>
        {
            var dx = TensorStorage.Uninitialized(mask.Length);
            TensorPrimitives.Multiply(g._data, mask, dx);
            return [new Tensor(dx, x._shape)];
        });
    }
}
