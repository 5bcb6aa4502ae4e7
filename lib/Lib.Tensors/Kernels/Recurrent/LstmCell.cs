using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// One LSTM row's elementwise step in SIMD lanes (<see cref="CellMath"/>; backward uses <see cref="SimdMath"/>), gates
/// in PyTorch's order i, f, g, o.
/// A row's last, partial vector is done one element at a time through the same lane functions, so every
/// element gets the same arithmetic.
/// </summary>
internal static class LstmCell
{
    /// <summary>
    /// Activates the gate pre-activations of one row in place (σ, σ, tanh, σ) and writes
    /// c = i⊙g + f⊙c_prev and h = o⊙tanh(c). <paramref name="gate"/> is [4H]; the others are [H];
    /// <paramref name="cPrev"/> may be <paramref name="c"/>. With AVX-512, <see cref="LstmCell512"/> does it.
    /// </summary>
    // compiled on its own, so the activations inline (a caller's inlining budget runs out first)
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Forward(Span<float> gate, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> h)
    {
        if (LstmCell512.IsSupported)
            LstmCell512.Forward(gate, cPrev, c, h);
        else
            ForwardLanes(gate, cPrev, c, h);
    }

    /// <summary><see cref="Forward"/> in <see cref="Vector{T}"/> lanes, on any machine (the 16-lane path gives the same
    /// bits for arguments whose exponentials are finite floats).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ForwardLanes(Span<float> gate, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> h)
    {
        int hidden = c.Length,
            width = Vector<float>.Count,
            full = hidden / width;
        var gv = MemoryMarshal.Cast<float, Vector<float>>(gate);
        var pv = MemoryMarshal.Cast<float, Vector<float>>(cPrev);
        var cv = MemoryMarshal.Cast<float, Vector<float>>(c);
        var hv = MemoryMarshal.Cast<float, Vector<float>>(h);
        bool aligned = hidden % width == 0; // then the four gate blocks start on vector boundaries
        if (aligned)
        {
            // One activation per loop, so each loop body inlines its one exp (a body with all five does not inline
            // them).
            for (int v = 0; v < 2 * full; v++)
                gv[v] = CellMath.Sigmoid(gv[v]); // i, f
            for (int v = 2 * full; v < 3 * full; v++)
                gv[v] = CellMath.Tanh(gv[v]); // g
            for (int v = 3 * full; v < 4 * full; v++)
                gv[v] = CellMath.Sigmoid(gv[v]); // o
            for (int v = 0; v < full; v++)
            {
                var cn = gv[v] * gv[2 * full + v] + gv[full + v] * pv[v];
                cv[v] = cn;
                hv[v] = CellMath.Tanh(cn) * gv[3 * full + v];
            }
        }
        for (int e = aligned ? hidden : 0; e < hidden; e++)
        {
            Step(
                new(gate[e]),
                new(gate[hidden + e]),
                new(gate[2 * hidden + e]),
                new(gate[3 * hidden + e]),
                new(cPrev[e]),
                out var i,
                out var f,
                out var g,
                out var o,
                out var cn,
                out var hn
            );
            (gate[e], gate[hidden + e], gate[2 * hidden + e], gate[3 * hidden + e], c[e], h[e]) = (
                i[0],
                f[0],
                g[0],
                o[0],
                cn[0],
                hn[0]
            );
        }
    }

    private static void Step(
        Vector<float> pi,
        Vector<float> pf,
        Vector<float> pg,
        Vector<float> po,
        Vector<float> cPrev,
        out Vector<float> i,
        out Vector<float> f,
        out Vector<float> g,
        out Vector<float> o,
        out Vector<float> c,
        out Vector<float> h
    )
    {
        i = CellMath.Sigmoid(pi);
        f = CellMath.Sigmoid(pf);
        g = CellMath.Tanh(pg);
        o = CellMath.Sigmoid(po);
        c = i * g + f * cPrev;
        h = CellMath.Tanh(c) * o;
    }

    /// <summary>
    /// One row of backward through time: from the activated <paramref name="gate"/> [4H], c_prev, c, and the gradients
    /// <paramref name="dh"/> and <paramref name="dc"/> reaching h and c, writes the pre-activation gradients
    /// <paramref name="dGate"/> [4H] and dc_prev = (dc + dh⊙o⊙(1 − tanh²c))⊙f into <paramref name="dcPrev"/>
    /// (which may be <paramref name="dc"/> itself). With AVX-512 and H a multiple of 16,
    /// <see cref="LstmCell512.Backward"/> does it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Backward(
        ReadOnlySpan<float> gate,
        ReadOnlySpan<float> cPrev,
        ReadOnlySpan<float> c,
        ReadOnlySpan<float> dh,
        ReadOnlySpan<float> dc,
        Span<float> dGate,
        Span<float> dcPrev
    )
    {
        if (LstmCell512.IsSupported && c.Length % 16 == 0)
            LstmCell512.Backward(gate, cPrev, c, dh, dc, dGate, dcPrev);
        else
            BackwardLanes(gate, cPrev, c, dh, dc, dGate, dcPrev);
    }

    /// <summary><see cref="Backward"/> in <see cref="Vector{T}"/> lanes, on any machine.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void BackwardLanes(
        ReadOnlySpan<float> gate,
        ReadOnlySpan<float> cPrev,
        ReadOnlySpan<float> c,
        ReadOnlySpan<float> dh,
        ReadOnlySpan<float> dc,
        Span<float> dGate,
        Span<float> dcPrev
    )
    {
        int hidden = c.Length,
            width = Vector<float>.Count,
            full = hidden / width;
        var gv = MemoryMarshal.Cast<float, Vector<float>>(gate);
        var pv = MemoryMarshal.Cast<float, Vector<float>>(cPrev);
        var cv = MemoryMarshal.Cast<float, Vector<float>>(c);
        var hv = MemoryMarshal.Cast<float, Vector<float>>(dh);
        var dcv = MemoryMarshal.Cast<float, Vector<float>>(dc);
        var dgv = MemoryMarshal.Cast<float, Vector<float>>(dGate);
        var dpv = MemoryMarshal.Cast<float, Vector<float>>(dcPrev);
        bool aligned = hidden % width == 0;
        for (int v = 0; aligned && v < full; v++)
        {
            BackStep(
                gv[v],
                gv[full + v],
                gv[2 * full + v],
                gv[3 * full + v],
                pv[v],
                cv[v],
                hv[v],
                dcv[v],
                out var di,
                out var df,
                out var dg,
                out var dO,
                out var dp
            );
            (dgv[v], dgv[full + v], dgv[2 * full + v], dgv[3 * full + v], dpv[v]) = (di, df, dg, dO, dp);
        }
        for (int e = aligned ? hidden : 0; e < hidden; e++)
        {
            BackStep(
                new(gate[e]),
                new(gate[hidden + e]),
                new(gate[2 * hidden + e]),
                new(gate[3 * hidden + e]),
                new(cPrev[e]),
                new(c[e]),
                new(dh[e]),
                new(dc[e]),
                out var di,
                out var df,
                out var dg,
                out var dO,
                out var dp
            );
            (dGate[e], dGate[hidden + e], dGate[2 * hidden + e], dGate[3 * hidden + e], dcPrev[e]) = (
                di[0],
                df[0],
                dg[0],
                dO[0],
                dp[0]
            );
        }
    }

    private static void BackStep(
        Vector<float> i,
        Vector<float> f,
        Vector<float> g,
        Vector<float> o,
        Vector<float> cPrev,
        Vector<float> c,
        Vector<float> dh,
        Vector<float> dc,
        out Vector<float> di,
        out Vector<float> df,
        out Vector<float> dg,
        out Vector<float> dO,
        out Vector<float> dcPrev
    )
    {
        var one = Vector<float>.One;
        var tc = SimdMath.Tanh(c);
        var dct = dc + dh * o * (one - tc * tc);
        di = dct * g * i * (one - i);
        df = dct * cPrev * f * (one - f);
        dg = dct * i * (one - g * g);
        dO = dh * tc * o * (one - o);
        dcPrev = dct * f;
    }
}
