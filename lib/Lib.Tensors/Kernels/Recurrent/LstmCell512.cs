using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lib.Tensors.Ops;

/// <summary>
/// <see cref="LstmCell.Forward"/> in 16-lane AVX-512 vectors, where the machine has them: <see cref="CellMath"/>'s
/// rational tanh (and σ from it) on twice the lanes of <see cref="System.Numerics.Vector{T}"/>, the same operations
/// in the same order, so the same bits as <see cref="LstmCell.ForwardLanes"/>. NaN stays NaN. A row's last, partial
/// vector goes through the same code in a padded copy, so every element gets the same arithmetic.
/// </summary>
internal static class LstmCell512
{
    private const int Lanes = 16;

    /// <summary>Whether this machine runs the 16-lane path natively.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>As <see cref="LstmCell.Forward"/>: activates <paramref name="gate"/> [4H] in place (σ, σ, tanh, σ),
    /// writes c = i⊙g + f⊙c_prev and h = o⊙tanh(c); <paramref name="cPrev"/> may be <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Forward(Span<float> gate, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> h)
    {
        int hidden = c.Length,
            full = hidden / Lanes;
        ref float g0 = ref MemoryMarshal.GetReference(gate);
        ref float p0 = ref MemoryMarshal.GetReference(cPrev);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        ref float h0 = ref MemoryMarshal.GetReference(h);
        for (int v = 0; v < full; v++)
        {
            int e = v * Lanes;
            Step(
                ref Unsafe.Add(ref g0, e),
                ref Unsafe.Add(ref g0, hidden + e),
                ref Unsafe.Add(ref g0, 2 * hidden + e),
                ref Unsafe.Add(ref g0, 3 * hidden + e),
                ref Unsafe.Add(ref p0, e),
                ref Unsafe.Add(ref c0, e),
                ref Unsafe.Add(ref h0, e)
            );
        }
        int rest = hidden - full * Lanes;
        if (rest == 0)
            return;
        // The partial vector, padded with zeros: 4 gates, c_prev, c, h.
        Span<float> pad = stackalloc float[7 * Lanes];
        pad.Clear();
        int at = full * Lanes;
        for (int q = 0; q < 4; q++)
            gate.Slice(q * hidden + at, rest).CopyTo(pad.Slice(q * Lanes));
        cPrev.Slice(at, rest).CopyTo(pad.Slice(4 * Lanes));
        ref float t = ref MemoryMarshal.GetReference(pad);
        Step(
            ref t,
            ref Unsafe.Add(ref t, Lanes),
            ref Unsafe.Add(ref t, 2 * Lanes),
            ref Unsafe.Add(ref t, 3 * Lanes),
            ref Unsafe.Add(ref t, 4 * Lanes),
            ref Unsafe.Add(ref t, 5 * Lanes),
            ref Unsafe.Add(ref t, 6 * Lanes)
        );
        for (int q = 0; q < 4; q++)
            pad.Slice(q * Lanes, rest).CopyTo(gate.Slice(q * hidden + at));
        pad.Slice(5 * Lanes, rest).CopyTo(c.Slice(at));
        pad.Slice(6 * Lanes, rest).CopyTo(h.Slice(at));
    }

    /// <summary>One vector of 16 units: the gates in place, c and h (c_prev read before c is written).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(
        ref float pi,
        ref float pf,
        ref float pg,
        ref float po,
        ref float cPrev,
        ref float c,
        ref float h
    )
    {
        var i = Sigmoid(Vector512.LoadUnsafe(ref pi));
        var f = Sigmoid(Vector512.LoadUnsafe(ref pf));
        var g = Tanh(Vector512.LoadUnsafe(ref pg));
        var o = Sigmoid(Vector512.LoadUnsafe(ref po));
        var cn = i * g + f * Vector512.LoadUnsafe(ref cPrev);
        i.StoreUnsafe(ref pi);
        f.StoreUnsafe(ref pf);
        g.StoreUnsafe(ref pg);
        o.StoreUnsafe(ref po);
        cn.StoreUnsafe(ref c);
        (Tanh(cn) * o).StoreUnsafe(ref h);
    }

    /// <summary>
    /// As <see cref="LstmCell.Backward"/> for a hidden size that is a multiple of 16: the same operations in the same
    /// order on twice the lanes (<see cref="SimdMath"/>'s tanh, whose e^x is ported lane for lane), so the same bits.
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
        int hidden = c.Length;
        ref float g0 = ref MemoryMarshal.GetReference(gate);
        ref float p0 = ref MemoryMarshal.GetReference(cPrev);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        ref float h0 = ref MemoryMarshal.GetReference(dh);
        ref float dc0 = ref MemoryMarshal.GetReference(dc);
        ref float dg0 = ref MemoryMarshal.GetReference(dGate);
        ref float dp0 = ref MemoryMarshal.GetReference(dcPrev);
        var one = Vector512<float>.One;
        for (int e = 0; e + Lanes <= hidden; e += Lanes)
        {
            var i = Vector512.LoadUnsafe(ref g0, (nuint)e);
            var f = Vector512.LoadUnsafe(ref g0, (nuint)(hidden + e));
            var g = Vector512.LoadUnsafe(ref g0, (nuint)(2 * hidden + e));
            var o = Vector512.LoadUnsafe(ref g0, (nuint)(3 * hidden + e));
            var dhv = Vector512.LoadUnsafe(ref h0, (nuint)e);
            var tc = PreciseTanh(Vector512.LoadUnsafe(ref c0, (nuint)e));
            var dct = Vector512.LoadUnsafe(ref dc0, (nuint)e) + dhv * o * (one - tc * tc);
            var di = dct * g * i * (one - i);
            var df = dct * Vector512.LoadUnsafe(ref p0, (nuint)e) * f * (one - f);
            var dg = dct * i * (one - g * g);
            var dO = dhv * tc * o * (one - o);
            // dc_prev may be dc itself: every read of dc is above.
            (dct * f).StoreUnsafe(ref dp0, (nuint)e);
            di.StoreUnsafe(ref dg0, (nuint)e);
            df.StoreUnsafe(ref dg0, (nuint)(hidden + e));
            dg.StoreUnsafe(ref dg0, (nuint)(2 * hidden + e));
            dO.StoreUnsafe(ref dg0, (nuint)(3 * hidden + e));
        }
    }

    /// <summary><see cref="SimdMath.Tanh"/> in 16 lanes (Cephes' tanhf), operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> PreciseTanh(Vector512<float> x)
    {
        var a = Vector512.Abs(x);
        var z = x * x;
        var p = Fma(Vector512.Create(-5.70498872745e-3f), z, 2.06390887954e-2f);
        p = Fma(p, z, -5.37397155531e-2f);
        p = Fma(p, z, 1.33314422036e-1f);
        p = Fma(p, z, -3.33332819422e-1f);
        var small = Vector512.FusedMultiplyAdd(p * z, x, x);
        var large = Vector512<float>.One - Vector512.Create(2f) / (PreciseExp(a + a) + Vector512<float>.One);
        large = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), -large, large);
        return Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(0.625f)), small, large);
    }

    /// <summary><see cref="SimdMath.Exp"/> in 16 lanes, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> PreciseExp(Vector512<float> x)
    {
        var clamped = Vector512.Min(
            Vector512.Max(x, Vector512.Create(SimdMath.MinArgument)),
            Vector512.Create(SimdMath.MaxScaled)
        );
        var k = Vector512.Round(clamped * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-0.693359375f), clamped);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(2.12194440e-4f), r);
        var p = Fma(Vector512.Create(1.9875691500e-4f), r, 1.3981999507e-3f);
        p = Fma(p, r, 8.3334519073e-3f);
        p = Fma(p, r, 4.1665795894e-2f);
        p = Fma(p, r, 1.6666665459e-1f);
        p = Fma(p, r, 5.0000001201e-1f);
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = Vector512.ShiftLeft(Vector512.ConvertToInt32(k) + Vector512.Create(127), 23).AsSingle();
        var result = p * scale;
        result = Vector512.ConditionalSelect(
            Vector512.LessThan(x, Vector512.Create(SimdMath.MinArgument)),
            Vector512<float>.Zero,
            result
        );
        result = Vector512.ConditionalSelect(
            Vector512.GreaterThan(x, Vector512.Create(SimdMath.MaxArgument)),
            Vector512.Create(float.PositiveInfinity),
            result
        );
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary>σ(x) = (1 + tanh(x/2)) / 2 (<see cref="CellMath"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sigmoid(Vector512<float> x)
    {
        var half = Vector512.Create(0.5f);
        return Vector512.FusedMultiplyAdd(Tanh(x * half), half, half);
    }

    /// <summary>tanh as <see cref="CellMath.Tanh"/>: the same rational function in 16 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Tanh(Vector512<float> x)
    {
        var bound = Vector512.Create(CellMath.Bound);
        var t = Vector512.MinNative(Vector512.MaxNative(x, -bound), bound);
        var t2 = t * t;
        var p = Fma(Vector512.Create(CellMath.A13), t2, CellMath.A11);
        p = Fma(p, t2, CellMath.A9);
        p = Fma(p, t2, CellMath.A7);
        p = Fma(p, t2, CellMath.A5);
        p = Fma(p, t2, CellMath.A3);
        p = Fma(p, t2, CellMath.A1);
        var q = Fma(Vector512.Create(CellMath.B6), t2, CellMath.B4);
        q = Fma(q, t2, CellMath.B2);
        q = Fma(q, t2, CellMath.B0);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), t * p / q, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, float c) =>
        Vector512.FusedMultiplyAdd(a, b, Vector512.Create(c));
}
