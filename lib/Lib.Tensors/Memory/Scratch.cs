namespace Lib.Tensors.Memory;

/// <summary>
/// Per-thread buffers for temporaries that live only inside one kernel call (an attention head's score
/// gradients, say): grown on demand and kept, so a training step does not allocate them again. Each
/// <see cref="Slot"/> is one buffer; a caller must not hold a slot across a call that may use the same slot.
/// </summary>
internal static class Scratch
{
    /// <summary>The independent buffers a kernel may hold at once (<c>Count</c> counts them).</summary>
    public enum Slot
    {
        First,
        Second,
        Count,
    }

    [ThreadStatic]
    private static float[]?[]? t_buffers;

    /// <summary><paramref name="slot"/>'s buffer, at least <paramref name="length"/> floats long; contents
    /// undefined.</summary>
    public static float[] Get(Slot slot, int length)
    {
        var buffers = t_buffers ??= new float[]?[(int)Slot.Count];
        ref var buffer = ref buffers[(int)slot];
        if (buffer is null || buffer.Length < length)
            buffer = GC.AllocateUninitializedArray<float>(length);
        return buffer;
    }
}
