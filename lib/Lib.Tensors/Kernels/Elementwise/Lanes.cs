using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Ops;

/// <summary>An elementwise function of two inputs in SIMD lanes, for <see cref="Lanes.Map"/>.</summary>
internal interface ILanes
{
    /// <summary>The result lanes for <paramref name="x"/> and <paramref name="g"/> (a forward may ignore g).</summary>
    static abstract Vector<float> Apply(Vector<float> x, Vector<float> g);
}

/// <summary>Runs an <see cref="ILanes"/> function over spans, one <see cref="Vector{T}"/> at a time.</summary>
internal static class Lanes
{
    /// <summary>
    /// d[i] = f(x[i], g[i]). The last, partial vector is padded and run through the same lanes, so every
    /// element gets the same arithmetic wherever it sits. <paramref name="d"/> may be <paramref name="x"/> or
    /// <paramref name="g"/>.
    /// </summary>
    // compiled on its own, so the lane function inlines into the loop (a caller's inlining budget runs out first)
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Map<TLanes>(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> d)
        where TLanes : ILanes
    {
        if (g.Length != x.Length || d.Length != x.Length)
            throw new ArgumentException(
                $"Elementwise lanes need spans of one length, got {x.Length}, {g.Length} and {d.Length}."
            );
        int width = Vector<float>.Count,
            full = x.Length / width;
        var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
        var dv = MemoryMarshal.Cast<float, Vector<float>>(d);
        for (int i = 0; i < full; i++)
            dv[i] = TLanes.Apply(xv[i], gv[i]);
        int done = full * width,
            rest = x.Length - done;
        if (rest == 0)
            return;
        Span<float> xs = stackalloc float[width],
            gs = stackalloc float[width];
        x[done..].CopyTo(xs);
        g[done..].CopyTo(gs);
        var tail = TLanes.Apply(new Vector<float>(xs), new Vector<float>(gs));
        for (int j = 0; j < rest; j++)
            d[done + j] = tail[j];
    }

    /// <summary><see cref="Map{TLanes}"/> over whole arrays, split across cores when large
    /// (<see cref="ParallelRanges"/>).</summary>
    public static void MapParallel<TLanes>(float[] x, float[] g, float[] d)
        where TLanes : ILanes
    {
        if (g.Length != x.Length || d.Length != x.Length)
            throw new ArgumentException(
                $"Elementwise lanes need spans of one length, got {x.Length}, {g.Length} and {d.Length}."
            );
        ParallelRanges.For(x.Length, new MapBody<TLanes>(x, g, d));
    }

    private readonly struct MapBody<TLanes>(float[] x, float[] g, float[] d) : IRangeBody
        where TLanes : ILanes
    {
        public void Run(int start, int length) =>
            Map<TLanes>(x.AsSpan(start, length), g.AsSpan(start, length), d.AsSpan(start, length));
    }
}
