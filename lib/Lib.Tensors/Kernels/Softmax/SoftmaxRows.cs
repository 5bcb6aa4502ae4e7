using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// Softmax of one short row and its backward in SIMD lanes, for attention's [T, S] score rows: a few passes over the
/// row instead of one library call per step (which cost more than the arithmetic at S ≈ 40).
/// </summary>
internal static class SoftmaxRows
{
    /// <summary>
    /// row = softmax(row + a + b) in place; <paramref name="a"/> and <paramref name="b"/> are additive masks of the
    /// row's length, or empty. −∞ entries get 0; a row that is all −∞ (or holds NaN) becomes NaN, as in PyTorch.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own inlining budget, so Exp inlines (see Lanes.Map)
    public static void Forward(Span<float> row, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = row.Length,
            width = Vector<float>.Count,
            full = n / width * width;
        if (n == 0)
            return;
        var rv = MemoryMarshal.Cast<float, Vector<float>>(row);
        var av = MemoryMarshal.Cast<float, Vector<float>>(a);
        var bv = MemoryMarshal.Cast<float, Vector<float>>(b);
        var max = new Vector<float>(float.NegativeInfinity);
        for (int i = 0; i < full / width; i++)
        {
            var v = rv[i];
            if (!a.IsEmpty)
                v += av[i];
            if (!b.IsEmpty)
                v += bv[i];
            rv[i] = v;
            max = Vector.Max(max, v);
        }
        float m = float.NegativeInfinity;
        for (int j = 0; j < width; j++)
            m = MathF.Max(m, max[j]);
        for (int i = full; i < n; i++)
        {
            float v = row[i];
            if (!a.IsEmpty)
                v += a[i];
            if (!b.IsEmpty)
                v += b[i];
            row[i] = v;
            m = float.IsNaN(v) ? v : MathF.Max(m, v);
        }
        var shift = new Vector<float>(m);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < full / width; i++)
        {
            var e = SimdMath.Exp(rv[i] - shift);
            rv[i] = e;
            sum += e;
        }
        if (full < n)
        {
            Span<float> tail = stackalloc float[width];
            tail.Fill(float.NegativeInfinity); // e^−∞ = 0 adds nothing
            row[full..].CopyTo(tail);
            var e = SimdMath.Exp(new Vector<float>(tail) - shift);
            sum += e;
            for (int i = full; i < n; i++)
                row[i] = e[i - full];
        }
        float inverse = 1f / Vector.Sum(sum);
        var scale = new Vector<float>(inverse);
        for (int i = 0; i < full / width; i++)
            rv[i] *= scale;
        for (int i = full; i < n; i++)
            row[i] *= inverse;
    }

    /// <summary>The softmax rule in place: dp = p ⊙ (dp − Σ dp ⊙ p), for one row of probabilities
    /// <paramref name="p"/>.</summary>
    public static void Backward(Span<float> dp, ReadOnlySpan<float> p)
    {
        int n = dp.Length,
            width = Vector<float>.Count,
            vectors = n / width;
        var dv = MemoryMarshal.Cast<float, Vector<float>>(dp);
        var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
        var acc = Vector<float>.Zero;
        for (int i = 0; i < vectors; i++)
            acc = Vector.FusedMultiplyAdd(dv[i], pv[i], acc);
        float dot = Vector.Sum(acc);
        for (int i = vectors * width; i < n; i++)
            dot += dp[i] * p[i];
        var d = new Vector<float>(dot);
        for (int i = 0; i < vectors; i++)
            dv[i] = (dv[i] - d) * pv[i];
        for (int i = vectors * width; i < n; i++)
            dp[i] = (dp[i] - dot) * p[i];
    }
}
