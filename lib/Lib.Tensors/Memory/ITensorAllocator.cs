namespace Lib.Tensors.Memory;

/// <summary>
/// The one seam between the autograd core and memory: every array an op result, a backward rule or a saved
/// index needs comes from here, through <see cref="TensorStorage"/>, and the core never sees how it is kept.
/// <see cref="TensorAllocator.Pooled"/> (the default) reuses arrays through scopes and pools;
/// <see cref="TensorAllocator.Plain"/> asks the GC for new ones every time (the readable reference, and the
/// oracle the pooled one is tested against).
/// </summary>
internal interface ITensorAllocator
{
    /// <summary>An array of exactly <paramref name="length"/> for an op result or a gradient; contents
    /// undefined.</summary>
    float[] Rent(int length);

    /// <summary>An array of <paramref name="length"/> zeros.</summary>
    float[] RentZeroed(int length);

    /// <summary>A copy of <paramref name="indices"/> that a backward rule keeps (its caller may refill the
    /// original).</summary>
    int[] SaveIndices(int[] indices);

    /// <summary>Called for every new tensor over <paramref name="data"/>: the allocator may tie it to the region that
    /// owns the array.</summary>
    void Track(Tensor tensor, float[] data);

    /// <summary>The region whose end frees the arrays an op recorded now may hold, or null when nothing frees them
    /// early.</summary>
    IStorageRegion? CurrentRegion { get; }

    /// <summary>The bookkeeping of one backward pass, active until disposed.</summary>
    IGradientStorage BeginBackward();
}

/// <summary>A region of storage that ends before the GC would free it (a <see cref="DisposeScope"/>).</summary>
internal interface IStorageRegion
{
    /// <summary>Whether the region has ended: its tensors' storage is gone.</summary>
    bool HasEnded { get; }

    /// <summary>Hands <paramref name="tensor"/> over <paramref name="data"/> to the enclosing region (or to
    /// none).</summary>
    void MoveOut(Tensor tensor, float[] data);

    /// <summary>Takes <paramref name="tensor"/> over <paramref name="data"/> out of every region for good.</summary>
    void Detach(Tensor tensor, float[] data);
}

/// <summary>
/// What a backward pass asks of memory: how many pending gradients refer to an array, so that a sum may be added
/// in place into a term nobody else sees and a consumed gradient's array may be reused. An allocator that tracks
/// nothing answers "not exclusive" and ignores the rest, and the pass then copies where it would have shared.
/// </summary>
internal interface IGradientStorage : IDisposable
{
    /// <summary>One more pending gradient refers to <paramref name="array"/>.</summary>
    void AddUse(float[] array);

    /// <summary>A pending gradient over <paramref name="array"/> was consumed.</summary>
    void ReleaseUse(float[] array);

    /// <summary>Whether exactly one pending gradient refers to <paramref name="array"/> and the pass may write
    /// it.</summary>
    bool IsExclusive(float[] array);

    /// <summary><paramref name="array"/> has escaped the pass (a leaf's gradient): never written or reused here
    /// again.</summary>
    void Disown(float[] array);
}
