using System.Runtime.CompilerServices;
using Lib.Tensors.Kernels;

namespace Lib.Tensors.Ops;

/// <summary>Work over a range of elements, a part of which one thread does.</summary>
internal interface IRangeBody
{
    /// <summary>Processes elements [<paramref name="start"/>, <paramref name="start"/> +
    /// <paramref name="length"/>).</summary>
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

    private struct Job<TBody>
        where TBody : struct, IRangeBody
    {
        public TBody Body;
        public int Length,
            Parts,
            Mask;
    }

    /// <summary>Runs <paramref name="body"/> over [0, <paramref name="length"/>) elements.</summary>
    public static void For<TBody>(int length, TBody body)
        where TBody : struct, IRangeBody => For(length, body, MinElements / 2, 64);

    /// <summary>Runs <paramref name="body"/> over [0, <paramref name="length"/>) in parts of at least
    /// <paramref name="minPart"/> whose boundaries are multiples of <paramref name="align"/> (a power of two; rows of a
    /// matrix: 1).</summary>
    public static void For<TBody>(int length, TBody body, int minPart, int align)
        where TBody : struct, IRangeBody
    {
        int threads = Math.Min(Gemm.MaxThreads, GemmThreads.MaxParallelism);
        int parts = Math.Min(threads, length / Math.Max(minPart, 1));
        if (parts < 2)
        {
            body.Run(0, length);
            return;
        }
        var job = new Job<TBody>
        {
            Body = body,
            Length = length,
            Parts = parts,
            Mask = ~(align - 1),
        };
        // job stays on this stack until Run returns
        GemmThreads.Run(parts, parts - 1, &Part<TBody>, Unsafe.AsPointer(ref job));
    }

    private static void Part<TBody>(void* state, int part)
        where TBody : struct, IRangeBody
    {
        ref var job = ref Unsafe.AsRef<Job<TBody>>(state);
        int start = Boundary(ref job, part),
            end = Boundary(ref job, part + 1);
        if (end > start)
            job.Body.Run(start, end - start);
    }

    private static int Boundary<TBody>(ref Job<TBody> job, int part)
        where TBody : struct, IRangeBody =>
        part == job.Parts ? job.Length : (int)((long)job.Length * part / job.Parts) & job.Mask;
}
