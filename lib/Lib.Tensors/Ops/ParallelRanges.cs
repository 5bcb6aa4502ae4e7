using System.Runtime.CompilerServices;
using Lib.Tensors.Kernels;

namespace Lib.Tensors.Ops;

/// <summary>Work over a range of elements, a part of which one thread does.</summary>
internal interface IRangeBody
{
    /// <summary>Processes elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    void Run(int start, int length);
}

/// <summary>
/// Splits elementwise work over the cores through the GEMM's fork-join pool (<see cref="GemmThreads"/>, at most
/// <see cref="Gemm.MaxThreads"/> threads): ranges of at least <see cref="MinElements"/> in parts whose
/// boundaries are multiples of 64 elements, so each part sees whole vectors and cache lines and every element
/// gets the arithmetic it would get in one piece. Smaller ranges run on the calling thread.
/// </summary>
internal static unsafe class ParallelRanges
{
    /// <summary>Below this many elements a fork-join costs more than it saves.</summary>
    public const int MinElements = 1 << 16;

    private struct Job<TBody> where TBody : struct, IRangeBody
    {
        public TBody Body;
        public int Length, Parts;
    }

    /// <summary>Runs <paramref name="body"/> over [0, <paramref name="length"/>).</summary>
    public static void For<TBody>(int length, TBody body) where TBody : struct, IRangeBody
    {
        int threads = Math.Min(Gemm.MaxThreads, GemmThreads.MaxParallelism);
        int parts = Math.Min(threads, length / (MinElements / 2));
        if (parts < 2)
        {
            body.Run(0, length);
            return;
        }
        var job = new Job<TBody> { Body = body, Length = length, Parts = parts };
        GemmThreads.Run(parts, parts - 1, &Part<TBody>, Unsafe.AsPointer(ref job)); // job stays on this stack until Run returns
    }

    private static void Part<TBody>(void* state, int part) where TBody : struct, IRangeBody
    {
        ref var job = ref Unsafe.AsRef<Job<TBody>>(state);
        int start = Boundary(job.Length, part, job.Parts), end = Boundary(job.Length, part + 1, job.Parts);
        if (end > start) job.Body.Run(start, end - start);
    }

    private static int Boundary(int length, int part, int parts) =>
        part == parts ? length : (int)((long)length * part / parts) & ~63;
}
