namespace Lib.Tensors;

/// <summary>
/// Arrays of consumed gradients that no tensor refers to any more, kept for op results of the same length
/// (page faults on fresh memory cost microseconds per 4 KiB page on the lab's VMs, and the GC hands large
/// arrays back to the OS between collections). Only <see cref="Autograd.GradientArena"/> returns arrays
/// here, and only arrays it issued and counted down to no use, so nothing else can still see one.
/// After each gen-2 collection, arrays not taken since the one before are dropped, so the pool empties
/// itself shortly after training stops. Shared by all threads (locked).
/// </summary>
internal static class SpareArrays
{
    /// <summary>At most this many floats are kept (1 GiB).</summary>
    private const long MaxFloats = 1L << 28;

    private static readonly object Lock = new();
    private static readonly Dictionary<int, Stack<(float[] Array, int Epoch)>> Spare = [];
    private static long s_floats;
    private static int s_epoch;

    static SpareArrays() => _ = new TrimAfterGen2();

    /// <summary>A spare array of exactly <paramref name="length"/> (contents undefined), or null.</summary>
    public static float[]? TryTake(int length)
    {
        lock (Lock)
        {
            if (!Spare.TryGetValue(length, out var stack) || stack.Count == 0) return null;
            s_floats -= length;
            return stack.Pop().Array;
        }
    }

    /// <summary>Keeps <paramref name="array"/>, which the caller guarantees nothing refers to any more.</summary>
    public static void Return(float[] array)
    {
        lock (Lock)
        {
            if (s_floats + array.Length > MaxFloats) return;
            if (!Spare.TryGetValue(array.Length, out var stack)) Spare[array.Length] = stack = new Stack<(float[], int)>();
            stack.Push((array, s_epoch));
            s_floats += array.Length;
        }
    }

    /// <summary>How many floats are kept (for tests).</summary>
    internal static long Floats { get { lock (Lock) return s_floats; } }

    /// <summary>Drops every array not returned since the previous trim.</summary>
    internal static void Trim()
    {
        lock (Lock)
        {
            foreach (var (length, stack) in Spare)
            {
                if (stack.Count == 0) continue;
                var kept = stack.Where(e => e.Epoch >= s_epoch).Reverse().ToArray();
                s_floats -= (long)length * (stack.Count - kept.Length);
                stack.Clear();
                foreach (var e in kept) stack.Push(e);
            }
            s_epoch++;
        }
    }

    /// <summary>Trims after collections: an unreachable finalizable object that re-registers itself each time it is finalized.</summary>
    private sealed class TrimAfterGen2
    {
        ~TrimAfterGen2()
        {
            if (Environment.HasShutdownStarted) return;
            if (GC.GetGeneration(this) == GC.MaxGeneration) Trim();
            GC.ReRegisterForFinalize(this);
        }
    }
}
