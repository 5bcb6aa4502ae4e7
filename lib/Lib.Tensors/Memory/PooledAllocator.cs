namespace Lib.Tensors.Memory;

/// <summary>
/// The fast allocator (the default): during backward arrays come from the pass's <see cref="GradientArena"/> (which
/// counts their uses and recycles consumed gradients), inside a <see cref="DisposeScope"/> from the scope (which takes
/// them all back when it ends), otherwise small ones from the GC and large ones from <see cref="SpareArrays"/> with a
/// lease. See ARCHITECTURE.md, "Storage", for why fresh memory is worth avoiding on the lab's VMs.
/// </summary>
internal sealed class PooledAllocator : ITensorAllocator
{
    /// <inheritdoc/>
    public float[] Rent(int length)
    {
        if (length >= GradientArena.MinLength && GradientArena.Active is { } arena)
            return arena.Rent(length);
        if (DisposeScope.Current is { } scope)
            return scope.Rent(length);
        return length < GradientArena.MinLength ? new float[length] : SpareArrays.Rent(length);
    }

    /// <inheritdoc/>
    public float[] RentZeroed(int length)
    {
        if (length < GradientArena.MinLength && DisposeScope.Current is null)
            return new float[length];
        var array = Rent(length);
        Array.Clear(array);
        return array;
    }

    /// <inheritdoc/>
    public int[] SaveIndices(int[] indices) =>
        DisposeScope.Current is { } scope ? scope.CopyIndices(indices) : (int[])indices.Clone();

    /// <inheritdoc/>
    public void Track(Tensor tensor, float[] data) => DisposeScope.Current?.Adopt(tensor, data);

    /// <inheritdoc/>
    public IStorageRegion? CurrentRegion => DisposeScope.Current;

    /// <inheritdoc/>
    public IGradientStorage BeginBackward() => GradientArena.Enter();
}
