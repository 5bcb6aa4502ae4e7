using System.Runtime.CompilerServices;

namespace Lib.Tensors.Memory;

/// <summary>
/// A pool of large float arrays for op results. Fresh memory is expensive on the lab's VMs: after a collection the
/// GC hands the free tail of its large-object regions back to the OS, and touching those pages again costs a page
/// fault each (several microseconds per 4 KiB), which made an elementwise op on 600 KB take twice its arithmetic.
/// </summary>
/// <remarks>
/// <para>Every array handed out carries a lease: a finalizable object the GC keeps alive exactly as long as the array
/// (a <see cref="ConditionalWeakTable{TKey, TValue}"/> entry, whose value does not keep its key alive). Once nothing
/// refers to the array, whatever held it (a tensor, a view, a closure, a kernel), the lease is finalized, the array
/// comes back to life with it, and the lease puts it back here. <see cref="GradientArena"/> returns the
/// gradients it knows are dead at once (<see cref="Recycle"/>).</para>
/// <para>Arrays taken from the pool do not count towards the GC's allocation budget, so on its own it would seldom
/// collect, and dead arrays would pile up unreturned; after every <see cref="CollectAfterFloats"/> floats handed out
/// without a gen-2 collection, <see cref="Rent"/> runs one (blocking; cheap, as the heap holds few objects besides
/// these arrays). Arrays not taken across two gen-2 collections are dropped, as are all of them after 15 s of disuse,
/// so the pool empties itself once work stops. At most 1 GiB is kept. A finalizer of the caller's own that reads a
/// tensor it holds may see the array reused: don't touch tensors from finalizers.</para>
/// </remarks>
internal static class SpareArrays
{
    /// <summary>Arrays shorter than this are plain new arrays: small ones live in gen 0, which reuses its
    /// memory.</summary>
    public const int MinLength = 16_384;

    /// <summary>Floats handed out between the gen-2 collections that bring dead arrays back (256 MiB).</summary>
    public const long CollectAfterFloats = 1L << 26;

    /// <summary>At most this many floats are kept (1 GiB).</summary>
    private const long MaxFloats = 1L << 28;

    private static readonly object Lock = new();
    private static readonly Dictionary<int, Stack<(float[] Array, int Epoch)>> Spare = [];
    private static readonly ConditionalWeakTable<float[], Lease> Leases = new();
    private static long s_floats,
        s_handedOut;
    private static int s_epoch,
        s_gen2Seen;
    private static Timer? s_idleTimer;
    private static bool s_usedSinceTick;

    static SpareArrays() => _ = new TrimAfterGen2();

    /// <summary>An array of exactly <paramref name="length"/> (contents undefined): a spare one when there is one,
    /// leased
    /// (from <see cref="MinLength"/> on; shorter ones are plain new arrays).</summary>
    public static float[] Rent(int length)
    {
        if (length < MinLength)
            return GC.AllocateUninitializedArray<float>(length);
        float[]? array = null;
        bool collect;
        lock (Lock)
        {
            array = PopSpare(length);
            int gen2 = GC.CollectionCount(2);
            if (gen2 != s_gen2Seen)
                (s_gen2Seen, s_handedOut) = (gen2, 0);
            s_handedOut += length;
            collect = s_handedOut > CollectAfterFloats;
            if (collect)
                s_handedOut = 0;
            s_usedSinceTick = true;
        }
        if (collect)
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        array ??= GC.AllocateUninitializedArray<float>(length);
        Leases.AddOrUpdate(array, new Lease(array));
        return array;
    }

    /// <summary>An array of exactly <paramref name="length"/> (contents undefined) for a <see cref="DisposeScope"/>,
    /// which
    /// gives it back with <see cref="Keep"/>: a spare one when there is one, of any length, with no lease and no
    /// collection.</summary>
    public static float[] Take(int length)
    {
        float[]? array;
        lock (Lock)
        {
            s_usedSinceTick = true;
            array = PopSpare(length);
        }
        return array ?? GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>A kept array of <paramref name="length"/>, or null (call under <see cref="Lock"/>).</summary>
    private static float[]? PopSpare(int length)
    {
        if (!Spare.TryGetValue(length, out var stack) || stack.Count == 0)
            return null;
        s_floats -= length;
        return stack.Pop().Array;
    }

    /// <summary>Gives an array taken with <see cref="Take"/> a lease (when it is long enough to be worth one): it comes
    /// back once unreachable.</summary>
    public static void AttachLease(float[] array)
    {
        if (array.Length >= MinLength)
            Leases.AddOrUpdate(array, new Lease(array));
    }

    /// <summary>Takes back <paramref name="array"/> now, which the caller guarantees nothing refers to any
    /// more.</summary>
    public static void Recycle(float[] array)
    {
        if (array.Length < MinLength)
            return;
        if (Leases.TryGetValue(array, out var lease))
        {
            GC.SuppressFinalize(lease);
            Leases.Remove(array);
        }
        Keep(array);
    }

    /// <summary>How many floats are kept (for tests).</summary>
    internal static long Floats
    {
        get
        {
            lock (Lock)
                return s_floats;
        }
    }

    /// <summary>Drops every array put back before the previous trim (<paramref name="all"/>: every array).</summary>
    internal static void Trim(bool all = false)
    {
        lock (Lock)
        {
            foreach (var (length, stack) in Spare)
            {
                if (stack.Count == 0)
                    continue;
                var kept = all ? [] : stack.Where(e => e.Epoch >= s_epoch - 1).Reverse().ToArray();
                s_floats -= (long)length * (stack.Count - kept.Length);
                stack.Clear();
                foreach (var e in kept)
                    stack.Push(e);
            }
            s_epoch++;
        }
    }

    /// <summary>Puts <paramref name="array"/>, which nothing refers to any more, back for reuse (unless the pool is
    /// full).</summary>
    public static void Keep(float[] array)
    {
        lock (Lock)
        {
            if (s_floats + array.Length > MaxFloats)
                return;
            if (!Spare.TryGetValue(array.Length, out var stack))
                Spare[array.Length] = stack = new Stack<(float[], int)>();
            stack.Push((array, s_epoch));
            s_floats += array.Length;
            s_idleTimer ??= new Timer(_ => IdleTick(), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>Every 15 s while the pool holds arrays: empties it when nothing was taken since the last
    /// tick.</summary>
    private static void IdleTick()
    {
        lock (Lock)
        {
            bool used = s_usedSinceTick;
            s_usedSinceTick = false;
            if (used)
                return;
            s_idleTimer?.Dispose();
            s_idleTimer = null;
        }
        Trim(all: true);
    }

    /// <summary>Finalized once its array is unreachable (the array comes back to life with it) and returns the
    /// array.</summary>
    private sealed class Lease(float[] array)
    {
        ~Lease()
        {
            if (!Environment.HasShutdownStarted)
                Keep(array);
        }
    }

    /// <summary>Trims after gen-2 collections: an unreachable finalizable object that re-registers itself each time it
    /// is finalized.</summary>
    private sealed class TrimAfterGen2
    {
        ~TrimAfterGen2()
        {
            if (Environment.HasShutdownStarted)
                return;
            if (GC.GetGeneration(this) == GC.MaxGeneration)
                Trim();
            GC.ReRegisterForFinalize(this);
        }
    }
}
