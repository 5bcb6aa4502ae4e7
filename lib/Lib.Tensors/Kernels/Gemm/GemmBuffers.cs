using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Kernels;

/// <summary>
/// Per-thread packing buffers, 64-byte aligned, allocated once per thread on the pinned object heap and reused by
/// every later call: page faults cost about 10 µs each on this lab's VMs, so steady state must not allocate.
/// </summary>
internal sealed unsafe class GemmBuffers
{
    [ThreadStatic]
    private static GemmBuffers? t_current;

    private readonly float[] _storage;

    private GemmBuffers(int aFloats, int bFloats)
    {
        // 16 floats of slack for each of the two 64-byte alignments.
        _storage = GC.AllocateUninitializedArray<float>(aFloats + bFloats + 32, pinned: true);
        var start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage));
        A = Align(start);
        B = Align(A + aFloats);
        AFloats = aFloats;
        BFloats = bFloats;
    }

    /// <summary>The packed A micro-panel.</summary>
    public float* A { get; }

    /// <summary>The packed B block.</summary>
    public float* B { get; }

    public int AFloats { get; }

    public int BFloats { get; }

    /// <summary>This thread's buffers, (re)allocated when the blocking needs more room than they have.</summary>
    public static GemmBuffers ForCurrentThread(int bFloats)
    {
        var current = t_current;
        if (current is null || current.BFloats < bFloats)
            t_current = current = new GemmBuffers(GemmBlocking.MaxAFloats, bFloats);
        return current;
    }

    private static float* Align(float* p) => (float*)(((nuint)p + 63) & ~(nuint)63);
}
