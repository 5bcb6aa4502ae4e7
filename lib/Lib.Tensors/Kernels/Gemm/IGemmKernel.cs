namespace Lib.Tensors.Kernels;

/// <summary>
/// A register-blocked micro-kernel over packed panels. The driver (<see cref="GemmDriver{TKernel}"/>) is generic over
/// it, so each instruction-set path gets its own specialised copy of the blocking and packing loops.
/// </summary>
/// <remarks>
/// A: <see cref="MR"/> rows' floats contiguous for each k, <c>aStep</c> floats apart (MR when packed, lda when read in
/// place from a transposed A). Packed B: <c>width</c>
/// floats per k (columns of one micro-panel, zero-padded), where width is <see cref="NR"/> or, for the last panel, the
/// column count rounded up to <see cref="NRTail"/>.
/// </remarks>
internal unsafe interface IGemmKernel
{
    /// <summary>Rows of the micro-tile (the height of a packed A panel).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of a full micro-tile (the width of a packed B panel).</summary>
    static abstract int NR { get; }

    /// <summary>The granularity of a narrower last B panel.</summary>
    static abstract int NRTail { get; }

    /// <summary>
    /// C[r, j] (mode)= alpha · Σₚ a[p·aStep + r] · b[p·width + j] for r &lt; <paramref name="rows"/>, j &lt;
    /// <paramref name="cols"/>;
    /// <see cref="StoreMode.Bias"/> adds <paramref name="bias"/>[j] (read only in that mode).
    /// </summary>
    static abstract void Tile(
        int kc,
        float* a,
        nint aStep,
        float* b,
        int width,
        float* c,
        nint ldc,
        int rows,
        int cols,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    );
}
