namespace Lib.Tensors.Memory;

/// <summary>
/// New arrays from the GC for everything, no scopes, no pools, no reuse during backward: the engine as a textbook
/// would write it. A <see cref="DisposeScope"/> entered under it frees nothing (the GC does).
/// </summary>
internal sealed class PlainAllocator : ITensorAllocator
{
    /// <inheritdoc/>
    public float[] Rent(int length) => new float[length];

    /// <inheritdoc/>
    public float[] RentZeroed(int length) => new float[length];

    /// <inheritdoc/>
    public int[] SaveIndices(int[] indices) => (int[])indices.Clone();

    /// <inheritdoc/>
    public void Track(Tensor tensor, float[] data) { }

    /// <inheritdoc/>
    public IStorageRegion? CurrentRegion => null;

    /// <inheritdoc/>
    public IGradientStorage BeginBackward() => NoReuse.Instance;

    /// <summary>A backward pass that shares nothing: sums and leaf gradients get arrays of their own.</summary>
    private sealed class NoReuse : IGradientStorage
    {
        public static readonly NoReuse Instance = new();

        public void AddUse(float[] array) { }

        public void ReleaseUse(float[] array) { }

        public bool IsExclusive(float[] array) => false;

        public void Disown(float[] array) { }

        public void Dispose() { }
    }
}
