namespace Lib.Tensors.Kernels;

/// <summary>One (batched) product, validated and pinned: the argument block the driver and the worker threads
/// share.</summary>
internal unsafe struct GemmProblem
{
    public bool TransA,
        TransB;
    public int Batch,
        M,
        N,
        K;
    public float Alpha,
        Beta;
    public float* A,
        B,
        C;

    /// <summary>A row vector of N added to every row of C (with beta 0), or null.</summary>
    public float* Bias;

    /// <summary>op(B) already packed by <see cref="PackedMatrix"/> (then B and TransB are unused), or null.</summary>
    public float* PackedB;

    /// <summary>The floats of one k of <see cref="PackedB"/>: every column's panel, the last rounded up.</summary>
    public int PackedWidth;
    public nint Lda,
        Ldb,
        Ldc;
    public long StrideA,
        StrideB,
        StrideC;

    /// <summary>How C is combined on the first block of k.</summary>
    public readonly StoreMode FirstMode =>
        Bias != null ? StoreMode.Bias
        : Beta == 0f ? StoreMode.Overwrite
        : Beta == 1f ? StoreMode.Accumulate
        : StoreMode.Scale;
}
