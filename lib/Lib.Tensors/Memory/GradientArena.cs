namespace Lib.Tensors.Memory;

/// <summary>
/// The storage of one backward pass. While it is active on a thread, op results ask it for their arrays
/// (<see cref="TensorStorage"/>); it remembers which arrays it issued and how many pending gradients refer
/// to each, so that <see cref="Autograd.BackwardEngine"/> may add into a gradient nobody else sees and reuse the
/// array of a gradient once its rule has consumed it. Arrays it did not issue (inputs, parameters,
/// forward results, the root gradient) are never written or reused; an issued array that escapes (a
/// leaf's <see cref="Tensor.Grad"/>) is given up with <see cref="Disown"/>. Consumed arrays go to
/// <see cref="SpareArrays"/>, where later results of the same length, in this pass or the next forward, take them.
/// </summary>
internal sealed class GradientArena : IGradientStorage
{
    /// <summary>Arrays shorter than this come from the GC as usual: reusing them saves nothing.</summary>
    public const int MinLength = 1024;

    [ThreadStatic]
    private static GradientArena? t_active;

    [ThreadStatic]
    private static (HashSet<float[]> Issued, Dictionary<float[], int> Uses)? t_spare;

    private readonly GradientArena? _outer;
    private readonly HashSet<float[]> _issued;
    private readonly Dictionary<float[], int> _uses;

    private GradientArena(GradientArena? outer)
    {
        _outer = outer;
        (_issued, _uses) = t_spare
            ?? (new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance));
        t_spare = null;
    }

    /// <summary>The arena of the backward pass running on this thread, or null.</summary>
    public static GradientArena? Active => t_active;

    /// <summary>Makes a new arena active on this thread until disposed.</summary>
    public static GradientArena Enter() => t_active = new GradientArena(t_active);

    /// <inheritdoc/>
    public void Dispose()
    {
        t_active = _outer;
        _issued.Clear();
        _uses.Clear();
        t_spare = (_issued, _uses); // the next pass's arena takes them
    }

    /// <summary>An array of <paramref name="length"/> (a spare one when there is one; contents undefined), now
    /// issued.</summary>
    public float[] Rent(int length)
    {
        var array = DisposeScope.Current?.Rent(length) ?? SpareArrays.Rent(length);
        _issued.Add(array);
        return array;
    }

    /// <summary>One more pending gradient refers to <paramref name="array"/>.</summary>
    public void AddUse(float[] array)
    {
        if (_issued.Contains(array))
            _uses[array] = _uses.GetValueOrDefault(array) + 1;
    }

    /// <summary>A pending gradient that referred to <paramref name="array"/> was consumed; with no use left, the array
    /// goes to <see cref="SpareArrays"/>.</summary>
    public void ReleaseUse(float[] array)
    {
        if (!_uses.TryGetValue(array, out int uses))
            return;
        if (uses > 1)
        {
            _uses[array] = uses - 1;
            return;
        }
        _uses.Remove(array);
        _issued.Remove(array);
        if (DisposeScope.Current is { } scope && scope.Owns(array))
            scope.Return(array);
        else
            SpareArrays.Recycle(array);
    }

    /// <summary>Whether <paramref name="array"/> was issued here and exactly one pending gradient refers to it (so it
    /// may be written).</summary>
    public bool IsExclusive(float[] array) => _uses.TryGetValue(array, out int uses) && uses == 1;

    /// <summary>Gives up <paramref name="array"/>: it has escaped the pass and is never written or reused here
    /// again.</summary>
    public void Disown(float[] array)
    {
        _issued.Remove(array);
        _uses.Remove(array);
        DisposeScope.Current?.Release(array);
    }
}
