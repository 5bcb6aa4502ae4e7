using Lib.Tensors.Memory;

namespace Lib.Tensors;

/// <summary>
/// A region whose op results are freed when it ends (TorchSharp's <c>torch.NewDisposeScope()</c>): wrap a training or
/// inference step in one and the step reuses the previous step's arrays instead of asking the GC for new ones.
/// <code>
/// using (DisposeScope.Enter())
/// {
///     optimizer.ZeroGrad(setToNone: false);
///     var loss = lossFn.Forward(model.Forward(x), y);
///     loss.Backward();
///     optimizer.Step();
///     lossValue = loss.Item();
/// }
/// </code>
/// </summary>
/// <remarks>
/// <para>While a scope is active on a thread, every array an op result (or a backward rule) needs on that thread
/// comes from the scope, which takes it from the pool of spare arrays. When the scope ends, those arrays go back to
/// the pool and every tensor over them is disposed: touching it afterwards throws
/// <see cref="ObjectDisposedException"/>,
/// and so does a backward pass through a graph recorded in the scope. Keep a result with
/// <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.</para>
/// <para>Tensors made from nothing (<see cref="Tensor.Zeros"/>, <see cref="Tensor.Full"/>,
/// <see cref="Tensor.FromArray"/>,
/// <see cref="Tensor.Randn"/> and the other factories), parameters, their gradients and optimizer state are never the
/// scope's. Scopes nest; each belongs to the thread that entered it and must end there, innermost first.</para>
/// </remarks>
public sealed class DisposeScope : IDisposable, IStorageRegion
{
    /// <summary>Index arrays (saved copies of gather positions) kept for the next scope, by length.</summary>
    private static readonly Dictionary<int, Stack<int[]>> SpareIndices = [];
    private static long s_spareIndexCount;
    private const long MaxSpareIndices = 1L << 24;

    [ThreadStatic]
    private static DisposeScope? t_current;

    [ThreadStatic]
    private static (HashSet<float[]> Issued, List<Tensor> Tensors, List<int[]> Indices)? t_spareLists;

    private readonly DisposeScope? _outer;
    private readonly HashSet<float[]> _issued;
    private readonly List<Tensor> _tensors;
    private readonly List<int[]> _indices;

    private DisposeScope(DisposeScope? outer)
    {
        _outer = outer;
        // A step enters a scope each time: the previous scope's (emptied) collections serve the next one.
        (_issued, _tensors, _indices) = t_spareLists ?? (new(ReferenceEqualityComparer.Instance), [], []);
        t_spareLists = null;
    }

    /// <summary>Begins a scope on this thread (inside the current one, if any); it ends when disposed.</summary>
    public static DisposeScope Enter() => t_current = new DisposeScope(t_current);

    /// <summary>The innermost scope active on this thread, or null.</summary>
    public static DisposeScope? Current => t_current;

    /// <summary>Whether the scope has ended.</summary>
    public bool IsDisposed { get; private set; }

    bool IStorageRegion.HasEnded => IsDisposed;

    void IStorageRegion.MoveOut(Tensor tensor, float[] data) => MoveOut(tensor, data);

    void IStorageRegion.Detach(Tensor tensor, float[] data) => Detach(tensor, data);

    /// <summary>Ends the scope: its tensors are disposed and their arrays go back to the pool.</summary>
    /// <exception cref="InvalidOperationException">An inner scope is still active, or this is another
    /// thread.</exception>
    public void Dispose()
    {
        if (IsDisposed)
            return;
        if (!ReferenceEquals(t_current, this))
            throw new InvalidOperationException(
                "A DisposeScope must end on the thread that entered it, after the scopes entered inside it."
            );
        foreach (var tensor in _tensors)
            if (ReferenceEquals(tensor._scope, this))
                tensor.DisposeStorage();
        foreach (var array in _issued)
            SpareArrays.Keep(array);
        lock (SpareIndices)
            foreach (var indices in _indices)
            {
                if (s_spareIndexCount + indices.Length > MaxSpareIndices)
                    break;
                if (!SpareIndices.TryGetValue(indices.Length, out var stack))
                    SpareIndices[indices.Length] = stack = new Stack<int[]>();
                stack.Push(indices);
                s_spareIndexCount += indices.Length;
            }
        _tensors.Clear();
        _issued.Clear();
        _indices.Clear();
        t_spareLists = (_issued, _tensors, _indices);
        IsDisposed = true;
        t_current = _outer;
    }

    /// <summary>A copy of <paramref name="indices"/> in an array the scope takes back when it ends (a backward rule's
    /// saved positions).</summary>
    internal int[] CopyIndices(int[] indices)
    {
        int[]? copy = null;
        lock (SpareIndices)
            if (SpareIndices.TryGetValue(indices.Length, out var stack) && stack.Count > 0)
            {
                copy = stack.Pop();
                s_spareIndexCount -= copy.Length;
            }
        copy ??= GC.AllocateUninitializedArray<int>(indices.Length);
        indices.CopyTo(copy, 0);
        _indices.Add(copy);
        return copy;
    }

    /// <summary>An array of exactly <paramref name="length"/> (contents undefined), the scope's until it
    /// ends.</summary>
    internal float[] Rent(int length)
    {
        var array = SpareArrays.Take(length);
        _issued.Add(array);
        return array;
    }

    /// <summary>Takes back, before the scope ends, an array it issued that nothing refers to any more.</summary>
    internal void Return(float[] array)
    {
        if (_issued.Remove(array))
            SpareArrays.Keep(array);
    }

    /// <summary>Whether <paramref name="array"/> is one the scope issued and will take back.</summary>
    internal bool Owns(float[] array) => _issued.Contains(array);

    /// <summary>Gives <paramref name="array"/> up for good (it becomes a gradient, say): it leaves with a lease, so it
    /// comes back to the pool once unreachable.</summary>
    internal void Release(float[] array)
    {
        if (_issued.Remove(array))
            SpareArrays.AttachLease(array);
    }

    /// <summary>Called for each new tensor while the scope is current: the tensor belongs to whichever scope, this or
    /// an enclosing one, owns its array (a view made here of an outer scope's result ends with that scope).</summary>
    internal void Adopt(Tensor tensor, float[] array)
    {
        for (var scope = this; scope is not null; scope = scope._outer)
            if (scope._issued.Contains(array))
            {
                tensor._scope = scope;
                scope._tensors.Add(tensor);
                return;
            }
    }

    /// <summary>Hands <paramref name="tensor"/> and, when the scope issued it, its array to the enclosing scope (or out
    /// of every scope).</summary>
    internal void MoveOut(Tensor tensor, float[] array)
    {
        tensor._scope = null;
        if (!_issued.Remove(array))
            return;
        if (_outer is null)
        {
            SpareArrays.AttachLease(array);
            return;
        }
        _outer._issued.Add(array);
        tensor._scope = _outer;
        _outer._tensors.Add(tensor);
    }

    /// <summary>Removes <paramref name="tensor"/> and its array from the scope for good.</summary>
    internal void Detach(Tensor tensor, float[] array)
    {
        tensor._scope = null;
        Release(array);
    }
}
