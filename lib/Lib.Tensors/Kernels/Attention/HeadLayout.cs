namespace Lib.Tensors.Ops;

/// <summary>
/// Where the [L, w] matrix of each (batch, head) of an attention operand lives in its storage: element (i, j)
/// of head h in batch b is at <c>At(b, h) + i·RowStride + j</c>. One layout describes both the split
/// [B, H, L, w] tensors of <c>ScaledDotProductAttention</c> and heads left side by side in a projection's
/// [B, L, C] output (no copy to split or merge them).
/// </summary>
internal readonly record struct HeadLayout(int Offset, int BatchStride, int HeadStride, int RowStride)
{
    /// <summary>[B, H, L, w], contiguous.</summary>
    public static HeadLayout Split(int heads, int length, int width) =>
        new(0, heads * length * width, length * width, width);

    /// <summary>[B, L, columns] with head h in columns <paramref name="offset"/> + h·w up to + w (w =
    /// <paramref name="width"/>).</summary>
    public static HeadLayout Interleaved(int length, int columns, int width, int offset = 0) =>
        new(offset, length * columns, width, columns);

    /// <summary>The first element of head <paramref name="h"/> of batch <paramref name="b"/>.</summary>
    public int At(int b, int h) => Offset + b * BatchStride + h * HeadStride;
}
