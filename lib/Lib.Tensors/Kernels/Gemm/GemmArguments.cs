namespace Lib.Tensors.Kernels;

/// <summary>Argument checks shared by <see cref="Gemm"/> and <see cref="GemmReference"/>: sizes, leading dimensions,
/// strides, span lengths.</summary>
internal static class GemmArguments
{
    public static void Validate(
        int batch,
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        int aLength,
        int lda,
        long strideA,
        int bLength,
        int ldb,
        long strideB,
        int cLength,
        int ldc,
        long strideC
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(strideA);
        ArgumentOutOfRangeException.ThrowIfNegative(strideB);
        ArgumentOutOfRangeException.ThrowIfNegative(strideC);

        // As stored: A is [m, k] (or [k, m] when transposed), B is [k, n] (or [n, k]), C is [m, n].
        Operand("a", "lda", "A", transA, transA ? k : m, transA ? m : k, lda, batch, strideA, "strideA", aLength);
        Operand("b", "ldb", "B", transB, transB ? n : k, transB ? k : n, ldb, batch, strideB, "strideB", bLength);
        long cExtent = Operand("c", "ldc", "C", false, m, n, ldc, batch, strideC, "strideC", cLength);
        if (batch > 1 && strideC < cExtent)
            throw new ArgumentOutOfRangeException(
                "strideC",
                strideC,
                $"The {batch} C matrices [{m} x {n}] with ldc {ldc} would overlap: strideC must be at least {cExtent}."
            );
    }

    /// <summary>Checks one operand stored as rows x cols with row stride <paramref name="ld"/>; returns one matrix's
    /// extent.</summary>
    private static long Operand(
        string name,
        string ldName,
        string label,
        bool trans,
        int rows,
        int cols,
        int ld,
        int batch,
        long stride,
        string strideName,
        int length
    )
    {
        if (ld < cols)
            throw new ArgumentOutOfRangeException(
                ldName,
                ld,
                $"{label} is stored as [{rows} x {cols}]{(trans ? " (transposed)" : "")}, so {ldName} must be "
                    + $"at least {cols}."
            );
        long extent = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        long needed = batch == 0 || extent == 0 ? 0 : (batch - 1) * stride + extent;
        if (length < needed)
            throw new ArgumentException(
                $"{name} holds {length} floats but {label} stored as [{rows} x "
                    + $"{cols}]{(trans ? " (transposed)" : "")} with {ldName} {ld}"
                    + (batch > 1 ? $", {batch} matrices {stride} apart ({strideName})," : "")
                    + $" needs {needed}.",
                name
            );
        return extent;
    }
}
